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

    /**
     * A broker and a database already running in processes of their own ({@code ./local-stack kafka},
     * {@code ./local-stack mongo-memory}, or real ones), given as system properties: benchmarks use them to
     * measure a service in a JVM that holds only the service, as in production. Tests leave them unset.
     */
    private static final String EXTERNAL_KAFKA = System.getProperty("ansinh.external.kafka");
    private static final String EXTERNAL_MONGO = System.getProperty("ansinh.external.mongo");

    public static synchronized String kafkaBootstrapServers() {
        if (EXTERNAL_KAFKA != null) {
            return EXTERNAL_KAFKA;
        }
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            kafka.brokerProperty("log.flush.interval.messages", "10000");
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> afterSpringContextsClosed(kafka::destroy)));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri(String database) {
        if (EXTERNAL_MONGO != null) {
            return EXTERNAL_MONGO.replaceAll("/+$", "") + "/" + database;
        }
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            mongoAddress = "127.0.0.1:" + mongo.getLocalAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> afterSpringContextsClosed(mongo::shutdownNow)));
        }
        return "mongodb://" + mongoAddress + "/" + database;
    }

    /**
     * Shutdown hooks run all at once. Stopping the broker while the cached test contexts are still
     * closing left their producers and consumers retrying a broker that was gone until their 30-second
     * close timeout, and every test JVM took half a minute to exit. So the broker and the wire server
     * stop only once Spring's own shutdown hooks have finished (or after that same half minute).
     */
    private static void afterSpringContextsClosed(Runnable stop) {
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> !springShutdownHookRunning());
        } catch (org.awaitility.core.ConditionTimeoutException stillClosing) {
            // stop anyway: the JVM is exiting
        }
        stop.run();
    }

    private static boolean springShutdownHookRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && SPRING_SHUTDOWN_HOOKS.contains(thread.getName()));
    }

    /** The names Spring Framework and Spring Boot give the threads that close contexts at JVM exit. */
    private static final java.util.Set<String> SPRING_SHUTDOWN_HOOKS = java.util.Set.of("SpringContextShutdownHook",
            "SpringApplicationShutdownHook");

    /** Points a service's test context at the shared broker and its own database. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
    }
}
