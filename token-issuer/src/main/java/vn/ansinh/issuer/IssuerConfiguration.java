package vn.ansinh.issuer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import vn.ansinh.issuer.OfficeClientsProperties.OfficeClient;

/** Registers the office clients and puts each one's office and roles into its access tokens. */
@Configuration(proxyBeanMethods = false)
public class IssuerConfiguration {

    static final String OFFICE_CLAIM = "office";
    static final String ROLES_CLAIM = "roles";

    /** The OAuth2 endpoints (token, JWKS, metadata); clients authenticate with their secret. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http,
                                                     @Value("${ansinh.issuer.allowed-origins:http://localhost:8084}") List<String> origins)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, Customizer.withDefaults())
                // The reporting dashboard signs in from the browser, from another origin than the issuer's.
                .cors(cors -> cors.configurationSource(dashboardOrigins(origins)))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    private static CorsConfigurationSource dashboardOrigins(List<String> origins) {
        CorsConfiguration configuration = new CorsConfiguration();
        // Patterns, so that a test run can allow "http://localhost:[*]" (its ports are picked at random).
        configuration.setAllowedOriginPatterns(origins);
        configuration.setAllowedMethods(List.of("POST", "GET", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/oauth2/token", configuration);
        return source;
    }

    /** Health and metrics are open (the local run and Prometheus read them); there is nothing else here. */
    @Bean
    @Order(2)
    SecurityFilterChain operationalEndpoints(HttpSecurity http,
                                             @Value("${ansinh.issuer.allowed-origins:http://localhost:8084}") List<String> origins)
            throws Exception {
        // A browser's preflight (OPTIONS) of the token endpoint lands here: answered by CORS, before the denial.
        http.cors(cors -> cors.configurationSource(dashboardOrigins(origins)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(OfficeClientsProperties properties) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryRegisteredClientRepository(properties.clients().stream()
                .map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                        .clientId(client.clientId())
                        .clientSecret(encoder.encode(client.secret()))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
                        .build())
                .toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> officeClaims(OfficeClientsProperties properties) {
        Map<String, OfficeClient> byId = properties.clients().stream()
                .collect(Collectors.toMap(OfficeClient::clientId, client -> client));
        return context -> {
            OfficeClient client = byId.get(context.getRegisteredClient().getClientId());
            if (client != null) {
                context.getClaims().claim(OFFICE_CLAIM, client.office()).claim(ROLES_CLAIM, client.roles());
            }
        };
    }
}
