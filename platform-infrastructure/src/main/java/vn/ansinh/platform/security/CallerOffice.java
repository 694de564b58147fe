package vn.ansinh.platform.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the token says: the office (administrative unit code, {@code VN} for national
 * users) and the roles.
 */
public record CallerOffice(String clientId, String officeCode, List<String> roles) {

    public static final String OFFICE_CLAIM = "office";
    public static final String ROLES_CLAIM = "roles";

    public static CallerOffice current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            List<String> roles = jwt.getToken().getClaimAsStringList(ROLES_CLAIM);
            return new CallerOffice(jwt.getName(), jwt.getToken().getClaimAsString(OFFICE_CLAIM),
                    roles == null ? List.of() : roles);
        }
        throw new IllegalStateException("No authenticated caller");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
