package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.reporting.ReportingApplication;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;
import vn.ansinh.testkit.TestTokens;

/**
 * Measures how soon a new event shows on the dashboard: a district's stream is open, cash donations
 * are published at a steady rate, and each donation's latency is the time from its publication to
 * the first dashboard update whose cash total includes it. Households are loaded first so that the
 * figures take their real cost to compute.
 * Usage: {@code java -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.DashboardLatencyBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [events/s] [seconds] [households]}
 * (default 1,000/s for 30 s over 20,000 households).
 */
public final class DashboardLatencyBenchmark {

    private static final String[] CU_CHI_COMMUNES = {"27496", "27547"};
    private static final long AMOUNT = 1_000L;

    private DashboardLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int households = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        TestEvents.publishDemoUnits();
        ConfigurableApplicationContext reporting = new SpringApplicationBuilder(ReportingApplication.class,
                TestSecurityConfiguration.class).properties(Map.of("spring.config.name", "reporting-service"))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("bench-dashboard"), "--logging.level.root=WARN");
        String base = "http://localhost:" + reporting.getEnvironment().getProperty("local.server.port");
        String token = TestTokens.bearer("783", "OFFICER");
        ApiClient api = new ApiClient(base);
        JsonMapper json = JsonMapper.builder().build();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            Random random = new Random(3);
            for (int i = 0; i < households; i++) {
                String id = UUID.randomUUID().toString();
                send(producer, json, Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 1, new HouseholdRegistered(id,
                        CU_CHI_COMMUNES[random.nextInt(2)], List.of("POOR"), random.nextBoolean() ? "POOR" : "NEAR_POOR", 4, Instant.now()));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                ApiClient.Response summary = api.get("/api/v1/reports/summary?unit=783", token);
                return summary.status() == 200 && summary.json().get("households").asLong() >= households;
            });
            long cashBefore = api.get("/api/v1/reports/summary?unit=783", token).json().get("cashReceived").asLong();
            System.out.printf("%,d households loaded; one district's dashboard computed in %d ms%n", households,
                    timeMillis(() -> api.get("/api/v1/reports/dashboard?unit=783", token)));

            List<long[]> updates = new ArrayList<>(); // {nanoTime, cashReceived}
            HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/stream?unit=783")).header("Authorization", token).build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> stream.body().forEach(line -> {
                if (line.startsWith("data:")) {
                    long cash = json.readTree(line.substring(5)).get("figures").get("total").get("cashReceived").asLong();
                    synchronized (updates) {
                        updates.add(new long[] {System.nanoTime(), cash});
                    }
                }
            }), "sse-reader");
            reader.setDaemon(true);
            reader.start();

            int events = rate * seconds;
            long[] published = new long[events];
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < events; i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                String id = UUID.randomUUID().toString();
                published[i] = System.nanoTime();
                send(producer, json, Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, id, 0,
                        new CashDonationReceived(id, "fund-bench", "783", AMOUNT, "BANK", Instant.now()));
            }
            producer.flush();
            long expected = cashBefore + AMOUNT * events;
            await().atMost(Duration.ofMinutes(5)).until(() -> {
                synchronized (updates) {
                    return !updates.isEmpty() && updates.get(updates.size() - 1)[1] >= expected;
                }
            });
            long[] latencies = new long[events];
            synchronized (updates) {
                int u = 0;
                for (int i = 0; i < events; i++) {
                    long needed = cashBefore + AMOUNT * (i + 1);
                    while (updates.get(u)[1] < needed || updates.get(u)[0] < published[i]) {
                        u++;
                    }
                    latencies[i] = updates.get(u)[0] - published[i];
                }
                System.out.printf("%,d donations at %,d/s, %,d dashboard updates received%n", events, rate, updates.size());
                long[] gaps = new long[updates.size() - 1];
                for (int i = 1; i < updates.size(); i++) {
                    gaps[i - 1] = updates.get(i)[0] - updates.get(i - 1)[0];
                }
                Arrays.sort(gaps);
                if (gaps.length > 0) {
                    System.out.printf("Between dashboard updates: median %d ms, longest %d ms%n", gaps[gaps.length / 2] / 1_000_000,
                            gaps[gaps.length - 1] / 1_000_000);
                }
            }
            Arrays.sort(latencies);
            System.out.printf("Event to dashboard: p50 %d ms, p99 %d ms, max %d ms%n", latencies[events / 2] / 1_000_000,
                    latencies[(int) (events * 0.99)] / 1_000_000, latencies[events - 1] / 1_000_000);
            Figure.absolute(String.format("event → dashboard p99 at %,d donations/s", rate), latencies[(int) (events * 0.99)] / 1e6,
                    "ms", 1_000, false, String.format("p50 %d ms, max %d ms, %,d donations", latencies[events / 2] / 1_000_000,
                            latencies[events - 1] / 1_000_000, events)).print();
        }
        reporting.close();
        System.exit(0);
    }

    private static long timeMillis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    static void send(KafkaProducer<String, byte[]> producer, JsonMapper json, String topic, String type, String subject,
                     long sequence, Object payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/bench".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_sequence", Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
        headers.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(topic, null, subject, json.writeValueAsBytes(payload), headers));
    }
}
