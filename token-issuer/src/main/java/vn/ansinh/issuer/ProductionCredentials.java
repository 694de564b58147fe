package vn.ansinh.issuer;

import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.ansinh.issuer.account.Accounts;

/**
 * Refuses a production start on the repository's credentials. Demo clients and people live only in
 * the {@code local} profile ({@code token-issuer-local.yml}, used by {@code ./run-local} and the tests);
 * started without it, the issuer stops at once if a client still has a secret from that file (or one
 * too short to be a secret), if a demo person's password still opens their account in this database,
 * or if it has no signing key file to load: a key made at start-up would invalidate every token at
 * each restart and differ between two instances.
 */
@Component
class ProductionCredentials {

    static final String LOCAL_PROFILE = "local";
    /** The file holding the local run's demo clients: every secret in it is public. */
    static final String DEMO_CONFIGURATION = "token-issuer-local.yml";
    /** A client secret shorter than this is guessable, whatever it is. */
    static final int MINIMUM_SECRET_LENGTH = 24;

    ProductionCredentials(Environment environment, OfficeClientsProperties clients, SigningKeyProperties signingKey,
                          Accounts accounts) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        if (!signingKey.configured()) {
            throw new UnsafeConfigurationException("No signing key is configured: the issuer would sign with a key made at "
                    + "start-up, so every token would stop working at the next restart and a second instance would sign "
                    + "with another key.", "Set ANSINH_ISSUER_SIGNING_KEY to a mounted JWK set file holding the RSA private "
                    + "key (see the README's 'Production credentials'), or start with the 'local' profile on a developer machine.");
        }
        if (signingKey.generateIfMissing()) {
            throw new UnsafeConfigurationException("ansinh.issuer.signing-key.generate-if-missing is on outside the local run.",
                    "Make the key once, keep it with the other secrets and mount it; two instances generating their own "
                            + "keys would reject each other's tokens.");
        }
        Properties demo = demoConfiguration();
        Set<String> demoSecrets = valuesEndingWith(demo, ".secret");
        for (OfficeClientsProperties.OfficeClient client : clients.clients()) {
            if (client.secret() == null || demoSecrets.contains(client.secret())) {
                throw new UnsafeConfigurationException("Client '" + client.clientId() + "' has "
                        + (client.secret() == null ? "no secret" : "a secret published in the repository (" + DEMO_CONFIGURATION + ")")
                        + ".", "Give it its own secret in the clients file (secrets/issuer-clients.yml with docker-compose) or in "
                        + "ANSINH_ISSUER_CLIENTS_<n>_SECRET, "
                        + "see the README's 'Production credentials'.");
            }
            if (client.secret().length() < MINIMUM_SECRET_LENGTH) {
                throw new UnsafeConfigurationException("Client '" + client.clientId() + "' has a secret of "
                        + client.secret().length() + " characters, fewer than " + MINIMUM_SECRET_LENGTH + ".",
                        "Generate a long random one, for example: openssl rand -base64 32");
            }
        }
        refuseWorkingDemoPasswords(demo, accounts);
    }

    /**
     * A demo person whose account is in this database (a local run pointed at it, a copied database)
     * and whose public password still works would let anyone in.
     */
    private static void refuseWorkingDemoPasswords(Properties demo, Accounts accounts) {
        for (String key : demo.stringPropertyNames()) {
            if (key.endsWith(".username")) {
                String username = demo.getProperty(key);
                String password = demo.getProperty(key.substring(0, key.length() - "username".length()) + "password");
                if (password != null && accounts.passwordIs(username, password)) {
                    throw new UnsafeConfigurationException("Account '" + username + "' still has its demo password from "
                            + DEMO_CONFIGURATION + ".", "Disable the account or reset its password (POST /api/v1/users/"
                            + username + "/reset) from a local run against this database, or remove it.");
                }
            }
        }
    }

    /** The demo configuration shipped in this jar: its secrets and passwords are public. */
    private static Properties demoConfiguration() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(DEMO_CONFIGURATION));
        Properties demo = yaml.getObject();
        return demo == null ? new Properties() : demo;
    }

    private static Set<String> valuesEndingWith(Properties properties, String suffix) {
        Set<String> values = new HashSet<>();
        properties.stringPropertyNames().stream().filter(name -> name.endsWith(suffix)).map(properties::getProperty)
                .forEach(values::add);
        return values;
    }

}
