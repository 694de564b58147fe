package vn.ansinh.issuer.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the demo people's accounts on the local run; an account that exists already is left as it is. */
@Component
@Profile("local")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Accounts accounts;
    private final DemoPeople people;

    DemoAccounts(Accounts accounts, DemoPeople people) {
        this.accounts = accounts;
        this.people = people;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        int created = 0;
        for (DemoPeople.Person person : people.demoPeople()) {
            if (accounts.find(person.username()).isEmpty()) {
                accounts.createWithPassword(person.username(), person.name(), person.office(), person.roles(), person.password());
                created++;
            }
        }
        log.info("Demo people: {} accounts created, {} there already", created, people.demoPeople().size() - created);
    }
}
