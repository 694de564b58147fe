package vn.ansinh.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import vn.ansinh.platform.web.ProblemFactory;
import vn.ansinh.platform.web.ProblemWriter;
import vn.ansinh.platform.web.RequestLocales;

/**
 * Every service is an OAuth2 resource server: JWTs from the configured issuer, roles from the
 * {@code roles} claim, 401 and 403 answered as problem+json. Stateless, so no CSRF tokens.
 */
public final class ResourceServerSecurity {

    private static final String[] ALWAYS_PUBLIC = {
        "/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**",
        "/swagger-ui.html", "/error", "/api/v1/public/**"
    };

    private ResourceServerSecurity() {
    }

    public static SecurityFilterChain build(HttpSecurity http, SecurityProperties properties, ProblemFactory problems,
                                            ProblemWriter writer) throws Exception {
        List<String> open = new ArrayList<>(List.of(ALWAYS_PUBLIC));
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> writer.write(response,
                problems.create(HttpStatus.UNAUTHORIZED, "unauthenticated", RequestLocales.of(request)));
        AccessDeniedHandler forbidden = (request, response, e) -> writer.write(response,
                problems.create(HttpStatus.FORBIDDEN, "forbidden", RequestLocales.of(request)));
        open.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new AuthorizationHeaderTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    /**
     * The checks every service applies to a token, besides its signature: not expired, from the
     * platform's issuer, and meant for the platform's APIs (its audience). A token the issuer made for
     * another audience, or another issuer's token signed with a key we happen to trust, gets 401.
     */
    public static org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> tokenValidator(String issuer,
                                                                                                 String audience) {
        return new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(issuer),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<List<String>>(
                        org.springframework.security.oauth2.jwt.JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience)));
    }

    /**
     * The decoder of a service: the issuer's public keys (fetched from its JWKS address, or a local key
     * source where the process has one — the issuer itself, a test) and {@link #tokenValidator}.
     */
    public static org.springframework.security.oauth2.jwt.JwtDecoder decoder(
            com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> localKeys, String jwkSetUri,
            String issuer, String audience) {
        org.springframework.security.oauth2.jwt.NimbusJwtDecoder decoder;
        if (localKeys != null) {
            com.nimbusds.jwt.proc.DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext> processor =
                    new com.nimbusds.jwt.proc.DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(
                    com.nimbusds.jose.JWSAlgorithm.RS256, localKeys));
            // Nimbus's own claim checks are off: the token validator below is the one set of rules.
            processor.setJWTClaimsSetVerifier((claims, context) -> { });
            decoder = new org.springframework.security.oauth2.jwt.NimbusJwtDecoder(processor);
        } else {
            decoder = org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        }
        decoder.setJwtValidator(tokenValidator(issuer, audience));
        return new VerifiedTokens(decoder, java.time.Clock.systemUTC());
    }

    /** The claim naming who a token is for when its {@code sub} is an opaque id (Keycloak's). */
    static final String USERNAME_CLAIM = "preferred_username";

    /**
     * Roles from the {@code roles} claim; the caller's name from {@code preferred_username} when the
     * token has one (an external provider's {@code sub} is an opaque id), else {@code sub}: what
     * decision fields and the audit trail record.
     */
    static org.springframework.core.convert.converter.Converter<Jwt, org.springframework.security.authentication.AbstractAuthenticationToken>
            authenticationConverter() {
        return jwt -> {
            String username = jwt.getClaimAsString(USERNAME_CLAIM);
            return new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken(jwt, roles(jwt),
                    username == null || username.isBlank() ? jwt.getSubject() : username);
        };
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(CallerOffice.ROLES_CLAIM);
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return authorities;
    }
}
