package vn.ansinh.issuer;

import java.io.IOException;
import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.ansinh.issuer.account.SignInPolicy;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.PerClientRateLimiter;
import vn.ansinh.platform.web.ProblemFactory;
import vn.ansinh.platform.web.ProblemWriter;
import vn.ansinh.platform.web.RequestLocales;

/**
 * Limits how often one address may try a password, a code or a client secret: the sign-in and
 * password pages and the token endpoint answer 429 with Retry-After past the limit, before anything
 * checks a credential. Reading the pages is not limited.
 */
@Configuration(proxyBeanMethods = false)
class SignInRateLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> signInRateLimitFilter(SignInPolicy policy, ProblemFactory problems,
                                                                       ProblemWriter writer) {
        PerClientRateLimiter limiter = new PerClientRateLimiter(policy.attemptsPerMinute(), Duration.ofMinutes(1));
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod())) {
                    try {
                        limiter.acquire(request.getRemoteAddr());
                    } catch (ApiException tooMany) {
                        tooMany.headers().forEach(response::setHeader);
                        writer.write(response, problems.create(HttpStatus.TOO_MANY_REQUESTS, tooMany.code(),
                                RequestLocales.of(request), tooMany.arguments()));
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/oauth2/token", SignInPages.SIGN_IN, SignInPages.SETUP);
        registration.setOrder(-300); // before the size limit and Spring Security: nothing is checked past the limit
        return registration;
    }
}
