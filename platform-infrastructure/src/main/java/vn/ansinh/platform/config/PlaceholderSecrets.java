package vn.ansinh.platform.config;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;

/**
 * Refuses to start on a secret still set to the example env file's placeholder
 * ({@code deploy/ansinh.env.example}: every secret there is {@value #PLACEHOLDER}): an installation
 * copied the example and forgot one, and would otherwise run with a password anyone can read in the
 * repository. Checked before anything connects; Spring Boot's "APPLICATION FAILED TO START" report
 * names the setting and what to do ({@link PlaceholderSecretFailureAnalyzer}).
 */
public class PlaceholderSecrets implements InitializingBean {

    public static final String PLACEHOLDER = "CHANGE-ME";
    /** Every setting that carries a credential in a production installation. */
    static final List<String> SECRET_SETTINGS = List.of("spring.mongodb.uri", "spring.kafka.properties.sasl.jaas.config",
            "spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config");

    private final Environment environment;

    public PlaceholderSecrets(Environment environment) {
        this.environment = environment;
    }

    /** A user with an empty password: in a connection string ({@code user:@host}) or a JAAS line ({@code password=""}). */
    private static final java.util.regex.Pattern EMPTY_PASSWORD = java.util.regex.Pattern.compile("//[^:/@]+:@|password=\"\"");

    @Override
    public void afterPropertiesSet() {
        for (String setting : SECRET_SETTINGS) {
            String value = environment.getProperty(setting);
            // Empty: the env file does not set the variable at all (compose then puts in an empty string).
            if (value != null && (value.contains(PLACEHOLDER) || EMPTY_PASSWORD.matcher(value).find())) {
                throw new PlaceholderSecretException(setting);
            }
        }
    }

    /** A setting still holds the example's placeholder. */
    public static class PlaceholderSecretException extends IllegalStateException {

        private final String setting;

        PlaceholderSecretException(String setting) {
            super(setting + " still holds the placeholder " + PLACEHOLDER + " of the example env file, or an empty password.");
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
