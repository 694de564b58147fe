package vn.ansinh.console.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ansinh.console.backend.ApiRefusal;

/**
 * How a form's call to a service ends on the page it redirects to: the notice when the service took it,
 * the service's refusal in words when it did not.
 */
public final class Flash {

    private Flash() {
    }

    /** Makes the call; flashes {@code notice} if it succeeds, the refusal if the service refuses. */
    public static void outcome(RedirectAttributes redirect, String notice, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.forPeople());
        }
    }
}
