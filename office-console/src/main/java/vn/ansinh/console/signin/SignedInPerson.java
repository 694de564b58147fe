package vn.ansinh.console.signin;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is using the console, from the ID token the issuer gave at sign-in: what the pages show and
 * which actions they offer. The services decide for themselves from the access token.
 *
 * @param username the account name (the token's subject)
 * @param name     the person's name as their account gives it
 * @param office   the office's administrative unit code ({@code VN} for national)
 * @param roles    OFFICER, APPROVER, AUDITOR, ADMIN
 */
public record SignedInPerson(String username, String name, String office, List<String> roles) {

    public static SignedInPerson of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        List<String> roles = user.getClaimAsStringList("roles");
        String name = user.getClaimAsString("name");
        return new SignedInPerson(user.getSubject(), name == null ? user.getSubject() : name,
                user.getClaimAsString("office"), roles == null ? List.of() : List.copyOf(roles));
    }

    public boolean isOfficer() {
        return roles.contains("OFFICER");
    }

    public boolean isApprover() {
        return roles.contains("APPROVER");
    }

    public boolean isAuditor() {
        return roles.contains("AUDITOR");
    }

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    public boolean isNational() {
        return "VN".equals(office);
    }
}
