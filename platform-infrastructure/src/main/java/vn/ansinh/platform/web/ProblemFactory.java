package vn.ansinh.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds localised problem details; shared by the MVC advice and the security handlers. */
public class ProblemFactory {

    public static final String TYPE_BASE = "https://ansinh.vn/problems/";

    private final MessageSource messages;

    public ProblemFactory(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail create(HttpStatusCode status, String code, Locale locale, Object... arguments) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage(code + ".title", null, code, locale));
        problem.setDetail(messages.getMessage(code + ".detail", arguments, "", locale));
        problem.setProperty("code", code);
        return problem;
    }

    public ProblemDetail create(HttpStatusCode status, String code, Locale locale, List<FieldError> errors,
                                Object... arguments) {
        ProblemDetail problem = create(status, code, locale, arguments);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public String messageOrDefault(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }

    public String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
