package vn.ansinh.bench;

import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ansinh.donation.DonationApplication;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;

/** A whole donation-service in the benchmark's JVM, on the embedded broker and wire server; several share one database. */
final class EmbeddedDonationService {

    private EmbeddedDonationService() {
    }

    /** Starts an instance on a free port, against {@code database}, with any further settings ({@code --name=value}). */
    static ConfigurableApplicationContext start(String database, String... settings) {
        String[] arguments = Stream.concat(Stream.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(database), "--logging.level.root=WARN"), Stream.of(settings))
                .toArray(String[]::new);
        return new SpringApplicationBuilder(DonationApplication.class, TestSecurityConfiguration.class)
                .properties(Map.of("spring.config.name", DonationApplication.CONFIG_NAME)).run(arguments);
    }
}
