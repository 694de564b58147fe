package vn.ansinh.console.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import vn.ansinh.console.ConsoleProperties;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceUnavailableException;
import vn.ansinh.console.backend.SignInAgainException;
import vn.ansinh.console.signin.SignedInPerson;

/**
 * What every page knows (who is signed in, where the page is, where the dashboard lives) and what a
 * page shows when a service is down or refuses: the menu and the rest of the console keep working.
 */
@ControllerAdvice
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final ConsoleProperties properties;

    PageAdvice(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        model.addAllAttributes(commonAttributes(request));
    }

    /** Who is signed in, the page's own address (for the language switch) and the dashboard's. */
    private java.util.Map<String, Object> commonAttributes(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String query = request.getQueryString();
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        attributes.put("person", SignedInPerson.of(authentication));
        attributes.put("currentPath", request.getRequestURI() + (query == null ? "" : "?" + query));
        attributes.put("dashboardUri", properties.dashboardUri().toString());
        return attributes;
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ModelAndView unavailable(ServiceUnavailableException e, HttpServletRequest request) {
        log.warn("{} on {}: {}", e.getMessage(), request.getRequestURI(), e.getCause() == null ? "" : e.getCause().toString());
        ModelAndView page = new ModelAndView("unavailable", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("service", e.service());
        return withCommon(page, request);
    }

    @ExceptionHandler(ApiRefusal.class)
    ModelAndView refused(ApiRefusal e, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("refused", HttpStatus.valueOf(e.status()));
        page.addObject("refusal", e);
        return withCommon(page, request);
    }

    /** The person's tokens are gone or refused: a fresh sign-in, then back to the front page. */
    @ExceptionHandler(SignInAgainException.class)
    String signInAgain(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/oauth2/authorization/ansinh";
    }

    private ModelAndView withCommon(ModelAndView page, HttpServletRequest request) {
        // Model attributes are not applied to exception handlers' views: add them here.
        page.addAllObjects(commonAttributes(request));
        return page;
    }
}
