package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ansinh.donation.DonationApplication;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;
import vn.ansinh.testkit.TestTokens;

/**
 * Donation intake against the broker's own producer rate, on the embedded broker and wire server:
 * <ul>
 *   <li>Kafka producer alone: 200-byte records, acks=all, idempotent (what kafka-producer-perf-test measures);</li>
 *   <li>batch intake: CSV batches of 10,000 donations through {@code POST /api/v1/donations/batch};</li>
 *   <li>single donations over HTTP from 8 clients.</li>
 * </ul>
 * Usage: {@code java -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.DonationIntakeBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [batches]} (default 5).
 */
public final class DonationIntakeBenchmark {

    private DonationIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        producerAlone(200_000);
        ConfigurableApplicationContext donation = new SpringApplicationBuilder(DonationApplication.class,
                TestSecurityConfiguration.class).properties(Map.of("spring.config.name", DonationApplication.CONFIG_NAME))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("bench-donation"), "--logging.level.root=WARN",
                        "--resilience4j.bulkhead.instances.donation-intake.max-concurrent-calls=1000");
        ApiClient api = new ApiClient("http://localhost:" + donation.getEnvironment().getProperty("local.server.port"));
        String office = TestTokens.bearer("783", "OFFICER");
        TestEvents.publishDemoUnits();
        await().atMost(Duration.ofMinutes(1)).until(() -> api.postJson("/api/v1/funds", office,
                "{\"name\":\"probe\",\"officeUnitCode\":\"783\"}").status() == 201);
        String fundId = api.postJson("/api/v1/funds", office, "{\"name\":\"Quỹ cứu trợ\",\"officeUnitCode\":\"783\"}")
                .json().get("id").asString();

        long started = System.nanoTime();
        for (int batch = 0; batch < batches; batch++) {
            StringBuilder csv = new StringBuilder("fundId,amount,channel,reference\n");
            for (int row = 0; row < 10_000; row++) {
                csv.append(fundId).append(",100000,QR,QR-").append(batch).append('-').append(row).append('\n');
            }
            ApiClient.Response answer = api.post("/api/v1/donations/batch", office, "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8));
            if (answer.status() != 200) {
                throw new IllegalStateException(answer.status() + " " + answer.body());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Batch intake: %,d donations in %.1f s = %,.0f donations/s%n", batches * 10_000, seconds,
                batches * 10_000 / seconds);

        AtomicLong done = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (int client = 0; client < 8; client++) {
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    if (api.postJson("/api/v1/donations", office, "{\"fundId\":\"" + fundId
                            + "\",\"amount\":50000,\"channel\":\"CASH\"}").status() == 202) {
                        done.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("Single donations over HTTP (8 clients, 15 s): %,.0f requests/s%n", done.get() / 15.0);
        donation.close();
        System.exit(0);
    }

    private static void producerAlone(int records) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] payload = new byte[200];
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("bench.producer", payload)).get();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.producer", payload));
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Kafka producer alone: %,d records in %.1f s = %,.0f records/s%n", records, seconds, records / seconds);
        }
    }
}
