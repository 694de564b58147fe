package vn.ansinh.issuer.account;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * How the sign-in page checks a person: their account as stored (a disabled or locked account, or one
 * whose password was never chosen, cannot sign in), and what a failed or successful attempt changes.
 */
@Component
class AccountSignIn implements UserDetailsService {

    private final Accounts accounts;
    private final Clock clock;

    AccountSignIn(Accounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return User.withUsername(account.getUsername())
                // No password yet: refused before any password is compared ("not yet activated"), so the
                // page can tell the person to choose one with their setup code.
                .password(account.hasPassword() ? account.getPasswordHash() : "")
                .accountExpired(!account.hasPassword())
                .disabled(!account.isEnabled())
                .accountLocked(account.isLocked(clock.instant()))
                .roles(account.getRoles().toArray(String[]::new))
                .build();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username && !username.isBlank()) {
            accounts.signInFailed(username);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserDetails person) {
            accounts.signedIn(person.getUsername());
        }
    }
}
