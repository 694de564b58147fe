package vn.ansinh.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;

/** The platform speaks Vietnamese by default and English on request ({@code Accept-Language: en}). */
public final class RequestLocales {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final AcceptHeaderLocaleResolver RESOLVER = resolver();

    private RequestLocales() {
    }

    public static AcceptHeaderLocaleResolver resolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(VIETNAMESE, Locale.ENGLISH));
        resolver.setDefaultLocale(VIETNAMESE);
        return resolver;
    }

    public static Locale of(HttpServletRequest request) {
        return RESOLVER.resolveLocale(request);
    }
}
