package vn.ansinh.issuer.account;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local run's demo people (the {@code local} profile only): each gets an account with the
 * password from {@code token-issuer-local.yml} at start-up, so a developer can sign in at once. Their
 * passwords are public; a production start refuses to run while any of them still works.
 */
@ConfigurationProperties("ansinh.issuer")
public record DemoPeople(List<Person> demoPeople) {

    public DemoPeople {
        demoPeople = demoPeople == null ? List.of() : List.copyOf(demoPeople);
    }

    public record Person(String username, String password, String name, String office, List<String> roles) {
    }
}
