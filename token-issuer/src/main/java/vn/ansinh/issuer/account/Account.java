package vn.ansinh.issuer.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A person's account: who they are, the one office they work for and what they may do there. The
 * password is theirs alone: an administrator never sets it, but hands out a one-time setup code with
 * which the person chooses it (on creation, and again after a reset).
 */
@Document("accounts")
public class Account extends OutboxDocument implements Audited {

    /** The hashes of a password and of a setup code: a change of either is audited without its value. */
    private static final Set<String> SECRETS = Set.of("passwordHash", "setupCodeHash");

    /** The sign-in name, lower case; also the {@code sub} of the person's tokens, so it never changes. */
    @Id
    private String username;
    private String displayName;
    /** The administrative unit code of the office ({@code VN} for national staff). */
    private String office;
    /** The organisation of the office the person acts for (its Women's Union, say); {@code null}: the office itself. */
    private String organisation;
    private List<String> roles;
    private String passwordHash;
    private boolean enabled;
    private int failedSignIns;
    private Instant lockedUntil;
    private String setupCodeHash;
    private Instant setupCodeExpiresAt;
    private Instant createdAt;
    private String createdBy;
    private Instant passwordSetAt;

    protected Account() {
    }

    Account(String username, String displayName, String office, List<String> roles, String createdBy, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.office = office;
        this.roles = List.copyOf(roles);
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        auditAs("account.created");
    }

    @Override
    public String auditType() {
        return "account";
    }

    @Override
    public String auditUnit() {
        return office;
    }

    @Override
    public Set<String> auditSecretFields() {
        return SECRETS;
    }

    /** A new one-time code replaces any earlier one and the password: the person sets a new one with it. */
    void reset(String codeHash, Instant expiresAt) {
        auditAs("account.reset");
        issueSetupCode(codeHash, expiresAt);
    }

    void issueSetupCode(String codeHash, Instant expiresAt) {
        this.setupCodeHash = codeHash;
        this.setupCodeExpiresAt = expiresAt;
        this.passwordHash = null;
    }

    boolean setupCodeValid(Instant now) {
        return setupCodeHash != null && setupCodeExpiresAt != null && now.isBefore(setupCodeExpiresAt);
    }

    /** The person chose a password with their code: the code is spent and the account unlocked. */
    void passwordChosen(String hash, Instant at) {
        auditAs("account.password-chosen", username);
        this.passwordHash = hash;
        this.passwordSetAt = at;
        this.setupCodeHash = null;
        this.setupCodeExpiresAt = null;
        this.failedSignIns = 0;
        this.lockedUntil = null;
    }

    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** @return true if this failure locked the account */
    boolean signInFailed(Instant now, int allowedFailures, Duration lockFor) {
        failedSignIns++;
        auditAs("account.sign-in-failed", username);
        if (failedSignIns >= allowedFailures) {
            failedSignIns = 0;
            lockedUntil = now.plus(lockFor);
            auditAs("account.locked", username);
            return true;
        }
        return false;
    }

    boolean hasFailures() {
        return failedSignIns > 0 || lockedUntil != null;
    }

    void signedIn() {
        auditAs("account.signed-in", username);
        failedSignIns = 0;
        lockedUntil = null;
    }

    void disable() {
        auditAs("account.disabled");
        enabled = false;
    }

    void enable() {
        auditAs("account.enabled");
        enabled = true;
    }

    /** @param organisation the organisation the person now acts for, "" for the office itself, {@code null} to keep it */
    void change(String displayName, String office, List<String> roles, String organisation) {
        auditAs("account.changed");
        if (organisation != null) {
            this.organisation = organisation.isEmpty() ? null : organisation;
        }
        if (displayName != null) {
            this.displayName = displayName;
        }
        if (office != null) {
            this.office = office;
        }
        if (roles != null) {
            this.roles = List.copyOf(roles);
        }
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getOffice() {
        return office;
    }

    public String getOrganisation() {
        return organisation;
    }

    void actFor(String organisation) {
        this.organisation = organisation;
    }

    public List<String> getRoles() {
        return roles;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Instant getSetupCodeExpiresAt() {
        return setupCodeExpiresAt;
    }

    String getSetupCodeHash() {
        return setupCodeHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getPasswordSetAt() {
        return passwordSetAt;
    }
}
