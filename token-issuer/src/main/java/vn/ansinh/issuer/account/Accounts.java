package vn.ansinh.issuer.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;

/**
 * The accounts and what happens to them: created with a one-time setup code, the person's own
 * password chosen with it, failed sign-ins counted until the account locks for a while, disabled at
 * once, reset to a new code. The only class that writes the {@code accounts} collection.
 */
@Service
public class Accounts {

    /** The field of an account's office, for queries by area. */
    static final String OFFICE = "office";
    private static final String NAME = "displayName";

    /** Sign-in names: lower-case letters, digits, dots, hyphens and underscores, 3 to 64 of them. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /** Setup codes are read out or sent by SMS: no letters that look alike (0/O, 1/I/L). */
    private static final char[] CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int CODE_LENGTH = 10;
    private static final int SAVE_ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final OutboxDocuments store;
    private final PasswordEncoder passwords;
    private final SignInPolicy policy;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Counter failures;
    private final Counter lockouts;

    Accounts(MongoTemplate mongo, OutboxDocuments store, PasswordEncoder passwords, SignInPolicy policy, Clock clock,
             MeterRegistry meters) {
        this.mongo = mongo;
        this.store = store;
        this.passwords = passwords;
        this.policy = policy;
        this.clock = clock;
        this.failures = Counter.builder("ansinh.signin.failures").description("Sign-ins refused for a wrong password")
                .register(meters);
        this.lockouts = Counter.builder("ansinh.signin.lockouts").description("Accounts locked after repeated failed sign-ins")
                .register(meters);
    }

    /** A sign-in name as stored: trimmed and lower case, so "Lan.Nguyen " and "lan.nguyen" are one person. */
    public static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Accounts of an area, optionally those whose username or name contains the search, by username. */
    List<Account> page(Criteria area, String search, int page, int size) {
        return mongo.find(Query.query(matching(area, search)).with(Sort.by("_id")).skip((long) page * size).limit(size),
                Account.class);
    }

    long count(Criteria area, String search) {
        return mongo.count(Query.query(matching(area, search)), Account.class);
    }

    private static Criteria matching(Criteria area, String search) {
        if (search == null || search.isBlank()) {
            return area;
        }
        String literal = Pattern.quote(search.strip());
        return new Criteria().andOperator(area, new Criteria().orOperator(Criteria.where("_id").regex(literal, "i"),
                Criteria.where(NAME).regex(literal, "i")));
    }

    public Optional<Account> find(String username) {
        return Optional.ofNullable(mongo.findById(normalised(username), Account.class));
    }

    /** A demo person's account with its public password (the local run only, see DemoAccounts). */
    void createWithPassword(String username, String displayName, String office, List<String> roles, String password) {
        Account account = new Account(normalised(username), displayName, office, roles, "local-run", clock.instant());
        account.passwordChosen(passwords.encode(password), clock.instant());
        try {
            store.insert(account);
        } catch (DuplicateKeyException createdByAnotherInstance) {
            // the same demo account, made by an instance starting alongside
        }
    }

    /** Whether the account's password is this one: a production start checks no demo password still works. */
    public boolean passwordIs(String username, String password) {
        return find(username).filter(Account::hasPassword)
                .filter(account -> passwords.matches(password, account.getPasswordHash())).isPresent();
    }

    /** A new account, with the one-time code its person chooses a password with. */
    public Issued create(String username, String displayName, String office, List<String> roles, String by) {
        return create(username, displayName, office, null, roles, by);
    }

    /** @param organisation the organisation of the office the person acts for; {@code null} for the office itself */
    public Issued create(String username, String displayName, String office, String organisation, List<String> roles, String by) {
        String name = normalised(username);
        if (!USERNAME.matcher(name).matches()) {
            throw Refusal.invalid("username", "account.username-invalid");
        }
        Account account = new Account(name, displayName.strip(), office, roles, by, clock.instant());
        account.actFor(organisation);
        String code = newCode();
        account.issueSetupCode(passwords.encode(code), clock.instant().plus(policy.setupCodeValidFor()));
        try {
            store.insert(account);
        } catch (DuplicateKeyException taken) {
            throw Refusal.conflict("account.username-taken", name);
        }
        return new Issued(account, code);
    }

    /** An account and the setup code just issued for it: shown once, to the administrator who hands it over. */
    public record Issued(Account account, String setupCode) {
    }

    /**
     * The person chooses their password with the code they were given. A wrong or expired code says
     * the same as an unknown name, so the page cannot be used to find out who has an account.
     */
    public void choosePassword(String username, String code, String password) {
        Account account = find(username).orElse(null);
        Instant now = clock.instant();
        if (account == null || !account.setupCodeValid(now) || code == null
                || !passwords.matches(code.strip().toUpperCase(Locale.ROOT), account.getSetupCodeHash())) {
            throw Refusal.unprocessable("account.setup-code-invalid");
        }
        requireAcceptable(account.getUsername(), password);
        account.passwordChosen(passwords.encode(password), now);
        store.save(account);
    }

    private void requireAcceptable(String username, String password) {
        if (password == null || password.length() < policy.minimumPasswordLength()) {
            throw Refusal.unprocessable("account.password-too-short", policy.minimumPasswordLength());
        }
        if (password.toLowerCase(Locale.ROOT).contains(username)) {
            throw Refusal.unprocessable("account.password-contains-username");
        }
    }

    /** A wrong password: counted, and after too many in a row the account locks for a while. */
    public void signInFailed(String username) {
        failures.increment();
        change(username, account -> {
            if (account.signInFailed(clock.instant(), policy.allowedFailures(), policy.lockFor())) {
                lockouts.increment();
            }
        });
    }

    /** A successful sign-in clears the count of failures (no write when there is nothing to clear). */
    public void signedIn(String username) {
        find(username).filter(Account::hasFailures).ifPresent(account -> change(username, Account::signedIn));
    }

    /** Whether tokens may still be issued to the person: the account exists, is enabled and not locked. */
    public boolean mayHaveTokens(String username) {
        return find(username).filter(account -> account.isEnabled() && !account.isLocked(clock.instant())
                && account.hasPassword()).isPresent();
    }

    /** Disables an account at once: no sign-in, no new token, no refresh. */
    public Account disable(String username) {
        return change(username, Account::disable);
    }

    public Account enable(String username) {
        return change(username, Account::enable);
    }

    /** Clears the password and issues a new setup code (a forgotten password, a handed-over account). */
    public Issued reset(String username) {
        String code = newCode();
        String hash = passwords.encode(code);
        Account account = change(username, found -> found.reset(hash, clock.instant().plus(policy.setupCodeValidFor())));
        return new Issued(account, code);
    }

    public Account change(String username, String displayName, String office, List<String> roles, String organisation) {
        return change(username, account -> account.change(displayName, office, roles, organisation));
    }

    /** Reads, changes and saves an account, again if someone changed it meanwhile (a sign-in counting a failure). */
    private Account change(String username, java.util.function.Consumer<Account> change) {
        for (int attempt = 1; ; attempt++) {
            Account account = find(username).orElseThrow(() -> Refusal.notFound("account", normalised(username)));
            change.accept(account);
            try {
                return store.save(account);
            } catch (Refusal changedMeanwhile) {
                if (attempt == SAVE_ATTEMPTS || !OutboxDocuments.CHANGED_MEANWHILE.equals(changedMeanwhile.code())) {
                    throw changedMeanwhile;
                }
            }
        }
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_LETTERS[random.nextInt(CODE_LETTERS.length)];
        }
        return new String(code);
    }
}
