package vn.ansinh.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** A service does not start on a password copied from the example env file. */
class PlaceholderSecretsTest {

    @Test
    void aDatabasePasswordLeftAtThePlaceholderStopsTheStartAndSaysWhatToDo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.mongodb.uri", "mongodb://donation-service:CHANGE-ME@mongo-donation:27017/donation?authSource=admin");

        assertThatThrownBy(() -> new PlaceholderSecrets(environment).afterPropertiesSet())
                .isInstanceOf(PlaceholderSecrets.PlaceholderSecretException.class)
                .hasMessageContaining("spring.mongodb.uri").hasMessageNotContaining("mongo-donation");
        FailureAnalysis analysis = new PlaceholderSecretFailureAnalyzer().analyze(new PlaceholderSecrets.PlaceholderSecretException("spring.mongodb.uri"));
        assertThat(analysis.getAction()).contains("secrets/ansinh.env").contains("openssl rand");
        assertThat(SpringFactoriesLoader.loadFactoryNames(org.springframework.boot.diagnostics.FailureAnalyzer.class, null))
                .as("Spring Boot prints the analysis").contains(PlaceholderSecretFailureAnalyzer.class.getName());
    }

    @Test
    void aKafkaPasswordLeftAtThePlaceholderStopsTheStartToo() {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"donation-service\" password=\"CHANGE-ME\";");

        assertThatThrownBy(() -> new PlaceholderSecrets(environment).afterPropertiesSet())
                .hasMessageContaining("spring.kafka.properties.sasl.jaas.config");
    }

    @Test
    void aPasswordTheEnvFileDoesNotSetStopsTheStartToo() {
        assertThatThrownBy(() -> new PlaceholderSecrets(new MockEnvironment().withProperty("spring.mongodb.uri",
                "mongodb://donation-service:@mongo-donation:27017/donation?authSource=admin&replicaSet=rs0")).afterPropertiesSet())
                .hasMessageContaining("spring.mongodb.uri");
        assertThatThrownBy(() -> new PlaceholderSecrets(new MockEnvironment().withProperty("spring.kafka.properties.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"donation-service\" password=\"\";"))
                .afterPropertiesSet()).hasMessageContaining("sasl.jaas.config");
    }

    @Test
    void realSecretsAndTheLocalRunWithoutAnyStartNormally() {
        assertThatCode(() -> new PlaceholderSecrets(new MockEnvironment()).afterPropertiesSet()).doesNotThrowAnyException();
        assertThatCode(() -> new PlaceholderSecrets(new MockEnvironment().withProperty("spring.mongodb.uri",
                "mongodb://donation-service:9f2c1e7a44b0d3@mongo-donation:27017/donation?authSource=admin")).afterPropertiesSet())
                .doesNotThrowAnyException();
    }
}
