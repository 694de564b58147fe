package vn.ansinh.issuer.account;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.PageResponse;

/**
 * Who administers whom. An ADMIN manages the accounts of their area (everyone, for a national
 * administrator); a district's APPROVER those of the district and the communes below it, never above
 * and never another district's. Nobody gives a role they do not hold, and nobody disables their own
 * account or changes their own roles. An account outside the caller's area does not exist for them.
 */
@Service
class AccountAdministration {

    static final Set<String> ROLES = Set.of("OFFICER", "APPROVER", "AUDITOR", "ADMIN");
    private static final String ADMIN = "ADMIN";

    private final Accounts accounts;
    private final OfficeScope scope;
    private final Clock clock;

    AccountAdministration(Accounts accounts, OfficeScope scope, Clock clock) {
        this.accounts = accounts;
        this.scope = scope;
        this.clock = clock;
    }

    AccountView.WithSetupCode create(AccountRequests.Create request) {
        String office = scope.resolve(request.office());
        scope.requireCovers(office);
        requireMayGive(request.roles());
        Accounts.Issued issued = accounts.create(request.username(), request.name(), office, organisationGiven(request.organisation()),
                request.roles(), CallerOffice.current().clientId());
        return withCode(issued);
    }

    PageResponse<AccountView> list(String office, String search, int page, int size) {
        Criteria area = scope.listArea(Accounts.OFFICE, office);
        CallerOffice caller = CallerOffice.current();
        if (!caller.actsForWholeOffice()) { // an organisation's administrator lists its own people only
            area = new Criteria().andOperator(area, Criteria.where("organisation").is(caller.organisationCode()));
        }
        return PageResponse.of(accounts.page(area, search, page, size), accounts.count(area, search), page, size,
                account -> AccountView.of(account, clock.instant()));
    }

    AccountView get(String username) {
        return AccountView.of(administered(username), clock.instant());
    }

    AccountView change(String username, AccountRequests.Change request) {
        Account account = administered(username);
        String office = request.office() == null ? null : scope.resolve(request.office());
        if (office != null) {
            scope.requireCovers(office);
        }
        if (request.roles() != null) {
            requireNotOwn(account);
            requireMayGive(request.roles());
        }
        String organisation = request.organisation() == null ? null
                : request.organisation().isEmpty() ? organisationCleared() : organisationGiven(request.organisation());
        return AccountView.of(accounts.change(account.getUsername(), request.name() == null ? null : request.name().strip(),
                office, request.roles(), organisation), clock.instant());
    }

    AccountView disable(String username) {
        Account account = administered(username);
        requireNotOwn(account);
        return AccountView.of(accounts.disable(account.getUsername()), clock.instant());
    }

    AccountView enable(String username) {
        return AccountView.of(accounts.enable(administered(username).getUsername()), clock.instant());
    }

    AccountView.WithSetupCode reset(String username) {
        return withCode(accounts.reset(administered(username).getUsername()));
    }

    /**
     * The account, if the caller administers its office — and, for an administrator who acts for an
     * organisation, the account is one of that organisation's; otherwise, as for an unknown name, 404.
     */
    private Account administered(String username) {
        CallerOffice caller = CallerOffice.current();
        return accounts.find(username).filter(account -> scope.covers(caller, account.getOffice()))
                .filter(account -> caller.actsForWholeOffice() || caller.organisationCode().equals(account.getOrganisation()))
                .orElseThrow(() -> Refusal.notFound("account", Accounts.normalised(username)));
    }

    /**
     * The organisation a new or changed account acts for. An administrator of the office gives any code
     * (donation-service's registry of organisations is not this service's to read: a code the office has
     * not registered is refused there, as {@code organisation.unknown}, the first time the person acts);
     * an administrator who acts for an organisation gives accounts of that organisation only.
     */
    private static String organisationGiven(String requested) {
        CallerOffice caller = CallerOffice.current();
        if (caller.actsForWholeOffice()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.organisationCode())) {
            throw Refusal.unprocessable("account.organisation-not-yours", caller.organisationCode());
        }
        return caller.organisationCode();
    }

    private static String organisationCleared() {
        CallerOffice caller = CallerOffice.current();
        if (!caller.actsForWholeOffice()) {
            throw Refusal.unprocessable("account.organisation-not-yours", caller.organisationCode());
        }
        return "";
    }

    private void requireMayGive(List<String> roles) {
        CallerOffice caller = CallerOffice.current();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw Refusal.unprocessable("account.unknown-role", role);
            }
            if (!caller.hasRole(ADMIN) && !caller.hasRole(role)) {
                throw Refusal.unprocessable("account.role-not-yours", role);
            }
        }
    }

    private static void requireNotOwn(Account account) {
        if (account.getUsername().equals(CallerOffice.current().clientId())) {
            throw Refusal.unprocessable("account.not-your-own");
        }
    }

    private AccountView.WithSetupCode withCode(Accounts.Issued issued) {
        return new AccountView.WithSetupCode(AccountView.of(issued.account(), clock.instant()), issued.setupCode(),
                issued.account().getSetupCodeExpiresAt());
    }
}
