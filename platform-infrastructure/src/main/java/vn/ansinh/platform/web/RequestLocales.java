package vn.ansinh.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The platform speaks Vietnamese by default and English on request: {@code Accept-Language: en} for
 * the APIs; on pages, a language a person chose ({@code ?lang=en}, kept in the {@code ansinh-lang}
 * cookie) comes first.
 */
public final class RequestLocales {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final AcceptHeaderLocaleResolver RESOLVER = resolver();

    private RequestLocales() {
    }

    /** The cookie a page's language choice is kept in. */
    public static final String CHOICE_COOKIE = "ansinh-lang";

    public static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
        resolver.setDefaultLocale(VIETNAMESE);
        return resolver;
    }

    /** The chosen language if a person chose one on a page, else the request's Accept-Language, else Vietnamese. */
    public static org.springframework.web.servlet.i18n.CookieLocaleResolver choiceResolver() {
        org.springframework.web.servlet.i18n.CookieLocaleResolver resolver =
                new org.springframework.web.servlet.i18n.CookieLocaleResolver(CHOICE_COOKIE);
        resolver.setDefaultLocaleFunction(RESOLVER::resolveLocale);
        resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
        return resolver;
    }

    public static Locale of(HttpServletRequest request) {
        return RESOLVER.resolveLocale(request);
    }
}
