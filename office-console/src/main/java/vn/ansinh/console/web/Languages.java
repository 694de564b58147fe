package vn.ansinh.console.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Vietnamese unless the person chose English. The choice is the cookie the issuer's pages and the
 * dashboard read too ({@code ansinh-lang}), so it follows the person across the platform's pages.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ansinh-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // Not the browser's Accept-Language: an office's shared computer may be set to English.
        resolver.setDefaultLocaleFunction(request -> VIETNAMESE);
        return resolver;
    }

    @Controller
    static class LanguageSwitch {

        private final LocaleResolver locales;

        LanguageSwitch(LocaleResolver locales) {
            this.locales = locales;
        }

        /** Switches the language and goes back to the page the person was on (on this site only). */
        @GetMapping("/lang")
        String choose(@RequestParam("to") String language, @RequestParam(name = "back", defaultValue = "/") String back,
                      HttpServletRequest request, HttpServletResponse response) {
            locales.setLocale(request, response, "en".equals(language) ? Locale.ENGLISH : VIETNAMESE);
            boolean onThisSite = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
            return "redirect:" + (onThisSite ? back : "/");
        }
    }
}
