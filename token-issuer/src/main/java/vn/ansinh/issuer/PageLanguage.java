package vn.ansinh.issuer;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages speak Vietnamese unless the person chose English ({@code ?lang=en}), remembered in the
 * platform's language cookie (its locale resolver reads it).
 */
@Configuration(proxyBeanMethods = false)
class PageLanguage implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor choice = new LocaleChangeInterceptor();
        choice.setParamName("lang");
        registry.addInterceptor(choice);
    }
}
