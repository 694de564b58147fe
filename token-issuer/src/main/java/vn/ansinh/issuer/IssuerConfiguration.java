package vn.ansinh.issuer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import vn.ansinh.issuer.OfficeClientsProperties.OfficeClient;
import vn.ansinh.issuer.account.Account;
import vn.ansinh.issuer.account.Accounts;
import vn.ansinh.platform.audit.Actor;
import vn.ansinh.platform.security.LocalSigningKeys;

/**
 * The authorization server: people sign in on the issuer's own page (authorization code with PKCE),
 * office machines with their client secret (client credentials). Every access token names who it is
 * for ({@code sub}: the person, or the machine client), the office, the roles and the audience.
 */
@Configuration(proxyBeanMethods = false)
public class IssuerConfiguration {

    static final String OFFICE_CLAIM = "office";
    static final String ORGANISATION_CLAIM = vn.ansinh.platform.security.CallerOffice.ORGANISATION_CLAIM;
    static final String ROLES_CLAIM = "roles";
    static final String NAME_CLAIM = Actor.NAME_CLAIM;
    static final String CLIENT_CLAIM = Actor.CLIENT_CLAIM;

    /**
     * The OAuth2 and OpenID Connect endpoints (authorize, token, JWKS, metadata). A browser asking to
     * authorize without a session is sent to the sign-in page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http,
                                                     @Value("${ansinh.issuer.allowed-origins:http://localhost:8084}") List<String> origins)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                // The console signs in from the browser, from another origin than the issuer's.
                .cors(cors -> cors.configurationSource(consoleOrigins(origins)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInPages.SIGN_IN), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    private static CorsConfigurationSource consoleOrigins(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        // Patterns, so that a test run can allow "http://localhost:[*]" (its ports are picked at random).
        configuration.setAllowedOriginPatterns(origins);
        configuration.setAllowedMethods(List.of("POST", "GET", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", configuration);
        source.registerCorsConfiguration("/oauth2/jwks", configuration);
        source.registerCorsConfiguration("/.well-known/**", configuration);
        return source;
    }

    /**
     * The sign-in and password pages, with a session for the authorization-code flow. Everything else
     * (the accounts and audit APIs, health, metrics) is the platform's stateless resource server.
     */
    @Bean
    @Order(2)
    SecurityFilterChain signInPageSecurity(HttpSecurity http,
                                    @Value("${ansinh.issuer.allowed-origins:http://localhost:8084}") List<String> origins)
            throws Exception {
        // A browser's preflight (OPTIONS) of the token endpoint lands here too: answered by CORS.
        http.securityMatcher(SignInPages.SIGN_IN, SignInPages.SETUP, "/logout", "/sign-in.css", "/oauth2/**")
                .cors(cors -> cors.configurationSource(consoleOrigins(origins)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SignInPages.SIGN_IN, SignInPages.SETUP, "/sign-in.css").permitAll()
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage(SignInPages.SIGN_IN).failureHandler(signInFailures()).permitAll());
        return http.build();
    }

    /** Back to the sign-in page with why: wrong name or password, locked, disabled, no password chosen yet. */
    private static SimpleUrlAuthenticationFailureHandler signInFailures() {
        return new SimpleUrlAuthenticationFailureHandler() {
            @Override
            public void onAuthenticationFailure(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response,
                                                AuthenticationException failure) throws java.io.IOException {
                String why = failure instanceof LockedException ? "locked"
                        : failure instanceof DisabledException ? "disabled"
                        : failure instanceof AccountExpiredException ? "setup" : "credentials";
                getRedirectStrategy().sendRedirect(request, response, SignInPages.SIGN_IN + "?error=" + why);
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The key tokens are signed with: loaded from the configured JWK set file, so that tokens outlive a
     * restart and every instance signs alike; on the local run without a file, one made at start-up.
     * Depends on the production check, which refuses to start without a file outside the local run.
     * The platform's token decoder checks the issuer's own API calls (accounts, audit) against it.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyProperties signingKey, ProductionCredentials checkedFirst) {
        RSAKey key = signingKey.configured()
                ? SigningKeys.fromFile(Path.of(signingKey.location()), signingKey.generateIfMissing())
                : SigningKeys.generated();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The issuer checks calls to its own API (accounts, audit) with its own keys, not over HTTP. */
    @Bean
    LocalSigningKeys localSigningKeys(JWKSource<SecurityContext> jwkSource) {
        return new LocalSigningKeys(jwkSource);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(OfficeClientsProperties properties, ConsoleClientProperties console,
                                                          ApiExplorerClientProperties apiExplorer, TokenPolicy tokens,
                                                          PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (OfficeClient client : properties.clients()) {
            RegisteredClient.Builder registration = RegisteredClient.withId(idOf(client.clientId()))
                    .clientId(client.clientId())
                    .clientSecret(encoder.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
            if (client.signsPeopleIn()) {
                registration.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                        .redirectUris(uris -> uris.addAll(client.redirectUris()))
                        .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokens.personLifetime())
                                .refreshTokenTimeToLive(tokens.refreshLifetime()).reuseRefreshTokens(false).build());
            } else {
                registration.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokens.machineLifetime()).build());
            }
            clients.add(registration.build());
        }
        if (!console.redirectUris().isEmpty()) {
            clients.add(publicClient(console.clientId(), console.redirectUris(), tokens));
        }
        if (!apiExplorer.redirectUris().isEmpty()) {
            clients.add(publicClient(apiExplorer.clientId(), apiExplorer.redirectUris(), tokens));
        }
        return clients.isEmpty() ? new NoClients() : new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * A client that runs in a person's browser and so keeps no secret: authorization code with PKCE only,
     * the person's token lifetime, no refresh token. Signing out ends the issuer's session too, then comes
     * back to the page.
     */
    private static RegisteredClient publicClient(String clientId, List<String> redirectUris, TokenPolicy tokens) {
        return RegisteredClient.withId(idOf(clientId))
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .postLogoutRedirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokens.personLifetime()).build())
                .build();
    }

    private static String idOf(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** An issuer with no client configured yet (a production start before its clients are set up) knows none. */
    private static final class NoClients implements RegisteredClientRepository {
        @Override
        public void save(RegisteredClient registeredClient) {
            throw new UnsupportedOperationException("Clients come from the configuration");
        }

        @Override
        public RegisteredClient findById(String id) {
            return null;
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return null;
        }
    }

    /**
     * What each token says. A machine's: its office and roles from the configuration. A person's: their
     * name, office and roles as their account says now; a disabled or locked account gets no token, so a
     * refresh or a new sign-in through an open session fails with {@code invalid_grant}.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(OfficeClientsProperties properties, TokenPolicy tokens,
                                                          Accounts accounts) {
        Map<String, OfficeClient> machines = properties.clients().stream().filter(client -> !client.signsPeopleIn())
                .collect(Collectors.toMap(OfficeClient::clientId, client -> client));
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                OfficeClient client = machines.get(context.getRegisteredClient().getClientId());
                if (client != null && accessToken) {
                    context.getClaims().audience(List.of(tokens.audience())).claim(CLIENT_CLAIM, client.clientId())
                            .claim(OFFICE_CLAIM, client.office()).claim(ROLES_CLAIM, client.roles());
                }
                return;
            }
            String username = context.getPrincipal().getName();
            Account person = accounts.find(username).filter(account -> accounts.mayHaveTokens(account.getUsername()))
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                            "The account is disabled, locked or not set up", null)));
            // The ID token names the roles too: an app shows a person the actions of their roles (the
            // services decide from the access token's roles, whatever an app shows).
            context.getClaims().claim(NAME_CLAIM, person.getDisplayName()).claim(OFFICE_CLAIM, person.getOffice())
                    .claim(ROLES_CLAIM, person.getRoles());
            if (person.getOrganisation() != null) {
                // The services let a person who acts for an organisation change only that organisation's funds and campaigns.
                context.getClaims().claim(ORGANISATION_CLAIM, person.getOrganisation());
            }
            if (accessToken) {
                context.getClaims().audience(List.of(tokens.audience()))
                        .claim(CLIENT_CLAIM, context.getRegisteredClient().getClientId());
            }
        };
    }
}
