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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
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
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }

    static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(ResourceServerSecurity::roles);
        return converter;
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
