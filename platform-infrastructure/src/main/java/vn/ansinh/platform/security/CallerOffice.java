package vn.ansinh.platform.security;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the token says: the office (administrative unit code, {@code VN} for national
 * users), the roles, and — for a person who acts for one organisation of the office (the Women's
 * Union of the ward, say) — that organisation's code. Without one the caller acts for the whole office.
 */
public record CallerOffice(String clientId, String officeCode, List<String> roles, String organisationCode) {

    public static final String OFFICE_CLAIM = "office";
    public static final String ROLES_CLAIM = "roles";
    public static final String ORGANISATION_CLAIM = "organisation";
    /** An organisation's code within its office: short, upper case, such as {@code HLHPN} or {@code DOAN-TN}. */
    public static final Pattern ORGANISATION_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

    public CallerOffice(String clientId, String officeCode, List<String> roles) {
        this(clientId, officeCode, roles, null);
    }

    public static CallerOffice current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            List<String> roles = jwt.getToken().getClaimAsStringList(ROLES_CLAIM);
            String organisation = jwt.getToken().getClaimAsString(ORGANISATION_CLAIM);
            return new CallerOffice(jwt.getName(), jwt.getToken().getClaimAsString(OFFICE_CLAIM),
                    roles == null ? List.of() : roles, organisation == null || organisation.isBlank() ? null : organisation);
        }
        throw new IllegalStateException("No authenticated caller");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True for a caller who acts for the office itself, not for one of its organisations. */
    public boolean actsForWholeOffice() {
        return organisationCode == null;
    }
}
