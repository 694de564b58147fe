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
 * @param organisation the code of the office's organisation the person acts for (the Women's Union...),
 *                     or null for a person of the office itself
 */
public record SignedInPerson(String username, String name, String office, List<String> roles, String organisation) {

    public SignedInPerson(String username, String name, String office, List<String> roles) {
        this(username, name, office, roles, null);
    }

    public static SignedInPerson of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        List<String> roles = user.getClaimAsStringList("roles");
        String name = user.getClaimAsString("name");
        return new SignedInPerson(user.getSubject(), name == null ? user.getSubject() : name,
                user.getClaimAsString("office"), roles == null ? List.of() : List.copyOf(roles),
                blankAsNull(user.getClaimAsString("organisation")));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
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

    /** A person who acts for one of the office's organisations: changes only that organisation's money and goods. */
    public boolean isForOrganisation() {
        return organisation != null;
    }

    public boolean isNational() {
        return "VN".equals(office);
    }
}
