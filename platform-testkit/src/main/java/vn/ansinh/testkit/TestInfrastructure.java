package vn.ansinh.testkit;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One real Kafka broker (KRaft, in this JVM) and one MongoDB wire server per test JVM, started on
 * first use and shared by every test context, like the platform shares them in the local run.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoAddress;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kafka.brokerProperty("log.flush.interval.messages", "10000");
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            mongoAddress = "127.0.0.1:" + mongo.getLocalAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        return "mongodb://" + mongoAddress + "/" + database;
    }

    /** Points a service's test context at the shared broker and its own database. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
    }
}
