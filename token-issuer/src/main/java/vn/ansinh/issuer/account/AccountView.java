package vn.ansinh.issuer.account;

import java.time.Instant;
import java.util.List;

/**
 * An account as administrators see it: never a password or a code, and a status in words.
 *
 * @param status ACTIVE, AWAITING_PASSWORD (the person has not used their setup code yet), LOCKED (too
 *               many wrong passwords, until {@code lockedUntil}) or DISABLED
 */
public record AccountView(String username, String name, String office, List<String> roles, String status,
                          Instant lockedUntil, Instant createdAt, String createdBy, Instant passwordSetAt, String organisation) {

    static AccountView of(Account account, Instant now) {
        String status = !account.isEnabled() ? "DISABLED" : account.isLocked(now) ? "LOCKED"
                : account.hasPassword() ? "ACTIVE" : "AWAITING_PASSWORD";
        return new AccountView(account.getUsername(), account.getDisplayName(), account.getOffice(), account.getRoles(), status,
                account.isLocked(now) ? account.getLockedUntil() : null, account.getCreatedAt(), account.getCreatedBy(),
                account.getPasswordSetAt(), account.getOrganisation());
    }

    /** An account just created or reset, with the one-time code to hand to its person (shown this once). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AccountWithSetupCode")
    public record WithSetupCode(AccountView account, String setupCode, Instant setupCodeExpiresAt) {
    }
}
