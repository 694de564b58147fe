package vn.ansinh.console.signin;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

import vn.ansinh.console.ConsoleProperties;

/**
 * People sign in at the issuer with the authorization-code flow and PKCE; the console is a
 * confidential client that keeps their tokens in the server-side session (never in the browser), and
 * signing out ends the issuer's session too. Every form carries a CSRF token. The residents' page,
 * the assets and the health check need no sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    static final String SIGN_IN = "/oauth2/authorization/" + PersonTokens.REGISTRATION;

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations, ConsoleProperties properties,
                                @Value("${spring.security.oauth2.client.registration.ansinh.client-secret:}") String secret)
            throws Exception {
        if (!StringUtils.hasText(secret)) {
            throw new IllegalStateException("The console has no client secret: set ANSINH_CONSOLE_CLIENT_SECRET to the "
                    + "secret the issuer holds for the office-console client (the local run's profile 'local' has a demo one).");
        }
        DefaultOAuth2AuthorizationRequestResolver withProofKey =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        withProofKey.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        String issuer = properties.issuerPublicUri().toString();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/public/**", "/lang", "/css/**", "/fonts/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/prometheus", "/error", "/field/sw.js").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage(SIGN_IN)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withProofKey)))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(new IssuerSignOut(properties.issuerPublicUri(),
                        registrations.findByRegistrationId(PersonTokens.REGISTRATION).getClientId())))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // Scripts and styles only from the console itself; forms may lead to the issuer (sign-out).
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self' " + issuer)));
        return http.build();
    }

    /** Tokens live in the person's HTTP session: signing out or the session expiring drops them. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
