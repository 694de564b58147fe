package vn.ansinh.issuer;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.ansinh.issuer.account.Accounts;
import vn.ansinh.platform.domain.Refusal;

/**
 * The issuer's own pages, Vietnamese by default ({@code ?lang=en} for English): sign in, and choose a
 * password with the one-time code an administrator handed over.
 */
@Controller
class SignInPages {

    static final String SIGN_IN = "/login";
    static final String SETUP = "/setup";
    private static final Set<String> SIGN_IN_ERRORS = Set.of("credentials", "locked", "disabled", "setup");

    private final Accounts accounts;
    private final MessageSource messages;

    SignInPages(Accounts accounts, MessageSource messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping(SIGN_IN)
    String signIn(@RequestParam(name = "error", required = false) String error,
                  @RequestParam(name = "ready", required = false) String ready, Model model) {
        if (error != null) {
            model.addAttribute("error", "signin.error." + (SIGN_IN_ERRORS.contains(error) ? error : "credentials"));
        }
        model.addAttribute("ready", ready != null);
        return "sign-in";
    }

    @GetMapping(SETUP)
    String setup() {
        return "setup";
    }

    @PostMapping(SETUP)
    String choosePassword(@RequestParam("username") String username, @RequestParam("code") String code,
                          @RequestParam("password") String password, @RequestParam("repeat") String repeat,
                          Model model, Locale locale) {
        model.addAttribute("username", username);
        if (!password.equals(repeat)) {
            model.addAttribute("error", messages.getMessage("setup.error.repeat", null, locale));
            return "setup";
        }
        try {
            accounts.choosePassword(username, code, password);
        } catch (Refusal refused) {
            model.addAttribute("error", messages.getMessage(refused.code(), refused.arguments(), locale));
            return "setup";
        }
        return "redirect:" + SIGN_IN + "?ready";
    }
}
