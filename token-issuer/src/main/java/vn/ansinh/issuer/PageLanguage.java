package vn.ansinh.issuer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.ansinh.platform.web.RequestLocales;

/**
 * The pages speak Vietnamese, whatever language the browser asks for (an officer's phone is often set
 * to English), unless the person chose English ({@code ?lang=en}), remembered in the platform's
 * language cookie.
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (WebUtils.getCookie(request, RequestLocales.CHOICE_COOKIE) == null) {
                    request.setAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME, RequestLocales.VIETNAMESE);
                }
                return true;
            }
        });
        LocaleChangeInterceptor choice = new LocaleChangeInterceptor();
        choice.setParamName("lang");
        registry.addInterceptor(choice);
    }
}
