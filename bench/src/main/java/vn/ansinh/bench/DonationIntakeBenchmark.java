package vn.ansinh.bench;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.ConfigurableApplicationContext;

import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestTokens;

/**
 * Donation intake against the broker's own producer rate, on the embedded broker and wire server:
 * <ul>
 *   <li>Kafka producer alone: 200-byte records, acks=all, idempotent (what kafka-producer-perf-test measures);</li>
 *   <li>batch intake: CSV batches of 10,000 donations through {@code POST /api/v1/donations/batch}, into one
 *   donation-service, then into two at once (the same database and broker, the same fund).</li>
 * </ul>
 * Usage: {@code java -cp bench-exec.jar -Dloader.main=vn.ansinh.bench.DonationIntakeBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [batches [queued]]} (default 5; {@code queued}: only the
 * queued intake, one instance, for a profile; {@code recorded}: only the recorded intake, one instance; {@code queued-two}: only the queued intake into two instances).
 */
public final class DonationIntakeBenchmark {

    private DonationIntakeBenchmark() {
    }

    public static void main(String[] args) {
        ExitingMain.run(DonationIntakeBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double producer = producerAlone(200_000);
        ConfigurableApplicationContext first = donationService();
        ApiClient one = client(first);
        String office = TestTokens.bearer("783", "OFFICER");
        TestEvents.publishDemoUnits();
        await().atMost(Duration.ofMinutes(1)).until(() -> one.postJson("/api/v1/funds", office,
                "{\"name\":\"probe\",\"officeUnitCode\":\"783\"}").status() == 201);
        String fundId = one.postJson("/api/v1/funds", office, "{\"name\":\"Quỹ cứu trợ\",\"officeUnitCode\":\"783\"}")
                .json().get("id").asString();

        if (args.length > 1 && args[1].equals("queued")) { // only the queued figures, for profiling them
            queuedIntake(List.of(one), office, newFund(one, office, "Quỹ lô xếp hàng"), batches, "queued-only");
            first.close();
            return;
        }
        if (args.length > 1 && args[1].equals("recorded")) { // only the recorded intake, one instance, for a profile
            batchIntake(List.of(one), office, fundId, batches, "recorded-only");
            first.close();
            return;
        }
        if (args.length > 1 && args[1].equals("queued-two")) { // only the queued intake into two instances
            ConfigurableApplicationContext second = donationService();
            queuedIntake(List.of(one, client(second)), office, newFund(one, office, "Quỹ lô xếp hàng 2"), batches, "queued-two");
            second.close();
            first.close();
            return;
        }
        Recorded single = batchIntake(List.of(one), office, fundId, batches, "one");
        Figure.ofCeiling("batch donation intake (10,000-row batches), one donation-service", single.rate(), "donations/s", producer, 0.5,
                "ceiling: Kafka's own producer, 200-byte records, acks=all, on the same broker; " + single.cpu()).print();
        // A second instance on the same database and broker, batches sent to both at once, into the same fund.
        Queued queuedOne = queuedIntake(List.of(one), office, newFund(one, office, "Quỹ lô xếp hàng 1"), batches, "queued-one");
        Figure.ofCeiling("batch donation intake queued (Prefer: respond-async), one donation-service", queuedOne.acknowledged(),
                "donations/s", producer, 0.5, "answered once every row is on the broker (acks=all); then recorded in the ledger").print();
        Figure.ofCeiling("queued batches recorded in the ledger, one donation-service", queuedOne.recorded(), "donations/s", producer, 0.5,
                queuedOne.recordedNote("from the first request until the fund's ledger holds every row")).print();
        ConfigurableApplicationContext second = donationService();
        Recorded two = batchIntake(List.of(one, client(second)), office, fundId, batches, "two");
        Figure.ofCeiling("batch donation intake, two donation-service instances, one fund", two.rate(), "donations/s", producer, 0.5,
                "both instances write the same fund's ledger; " + two.cpu()).print();
        Queued queuedTwo = queuedIntake(List.of(one, client(second)), office, newFund(one, office, "Quỹ lô xếp hàng 2"), batches,
                "queued-two");
        Figure.ofCeiling("batch donation intake queued, two donation-service instances, one fund", queuedTwo.acknowledged(),
                "donations/s", producer, 0.5, "answered once every row is on the broker; one fund's rows are recorded by one consumer").print();
        Figure.ofCeiling("queued batches recorded in the ledger, two donation-service instances, one fund", queuedTwo.recorded(),
                "donations/s", producer, 0.5, queuedTwo.recordedNote("from the first request until the fund's ledger holds every row")).print();
        second.close();
        first.close();
    }

    /** How long a queued run may take to reach the ledger before its figure is reported as it stands. */
    private static final Duration RECORDING_BOUND = Duration.ofMinutes(8);

    private record Queued(double acknowledged, double recorded, boolean complete) {
        String recordedNote(String note) {
            return complete ? note : note + "; NOT all recorded within " + RECORDING_BOUND.toMinutes() + " min: the rate reached";
        }
    }

    private static long receivedIn(ApiClient api, String office, String fundId) {
        ApiClient.Response fund = api.get("/api/v1/funds/" + fundId, office);
        return fund.status() == 200 ? fund.json().get("received").asLong() : 0;
    }

    private static String newFund(ApiClient api, String office, String name) {
        return api.postJson("/api/v1/funds", office, "{\"name\":\"" + name + "\",\"officeUnitCode\":\"783\"}").json().get("id").asString();
    }

    /**
     * Sends the batches with {@code Prefer: respond-async} to each instance at once: the rate at which they
     * were acknowledged (on the broker), and the rate until the fund's ledger held every row.
     */
    private static Queued queuedIntake(List<ApiClient> instances, String office, String fundId, int batches, String run)
            throws Exception {
        // Two senders per instance, as many batches as its bulkhead takes at once (a bank's feed and a hotline's, say).
        int sendersPerInstance = 2;
        ExecutorService senders = Executors.newFixedThreadPool(instances.size() * sendersPerInstance);
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < instances.size(); i++) {
            ApiClient instance = instances.get(i);
            for (int s = 0; s < sendersPerInstance; s++) {
                String prefix = "QR-" + run + "-" + i + "-" + s + "-";
                int share = batches / sendersPerInstance + (s < batches % sendersPerInstance ? 1 : 0);
                sent.add(senders.submit(() -> {
                    for (int batch = 0; batch < share; batch++) {
                        StringBuilder csv = new StringBuilder("fundId,amount,channel,reference\n");
                        for (int row = 0; row < 10_000; row++) {
                            csv.append(fundId).append(",100000,QR,").append(prefix).append(batch).append('-').append(row).append('\n');
                        }
                        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
                        // A full bulkhead (a batch of the run before still being written) answers 429 with
                        // Retry-After: wait that long and send again, as a bank's feed would.
                        for (int attempt = 1; ; attempt++) {
                            ApiClient.Response answer = instance.post("/api/v1/donations/batch", office, "text/csv", body,
                                    Map.of("Prefer", "respond-async"));
                            if (answer.status() == 202) {
                                break;
                            }
                            if (answer.status() != 429 || attempt == 20) {
                                throw new IllegalStateException(answer.status() + " " + answer.body());
                            }
                            TimeUnit.SECONDS.sleep(Long.parseLong(answer.headers().getOrDefault("Retry-After", "1")));
                        }
                    }
                    return null;
                }));
            }
        }
        for (java.util.concurrent.Future<?> done : sent) {
            done.get();
        }
        senders.shutdown();
        double acknowledgedSeconds = (System.nanoTime() - started) / 1e9;
        long donations = (long) instances.size() * batches * 10_000;
        System.out.printf("Batch intake queued, %d instance(s): %,d donations acknowledged in %.1f s = %,.0f donations/s%n",
                instances.size(), donations, acknowledgedSeconds, donations / acknowledgedSeconds);
        // Waits at most RECORDING_BOUND for the ledger: a run that has not recorded everything by then reports the
        // rate it reached (and says so) rather than holding up every figure after it.
        ApiClient api = instances.get(0);
        long recorded = 0;
        long lastProgress = System.nanoTime();
        while (recorded < donations && System.nanoTime() - started < RECORDING_BOUND.toNanos()) {
            TimeUnit.MILLISECONDS.sleep(200);
            recorded = receivedIn(api, office, fundId) / 100_000;
            if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(30)) {
                lastProgress = System.nanoTime();
                System.out.printf("Batch intake queued, %d instance(s): %,d of %,d in the ledger after %.0f s%n", instances.size(),
                        recorded, donations, (lastProgress - started) / 1e9);
            }
        }
        double recordedSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Batch intake queued, %d instance(s): %s %,d in the ledger after %.1f s = %,.0f donations/s%n",
                instances.size(), recorded == donations ? "all" : "only", recorded, recordedSeconds, recorded / recordedSeconds);
        return new Queued(donations / acknowledgedSeconds, recorded / recordedSeconds, recorded == donations);
    }

    private static ConfigurableApplicationContext donationService() {
        return EmbeddedDonationService.start("bench-donation", "--resilience4j.bulkhead.instances.donation-intake.max-concurrent-calls=1000");
    }

    private static ApiClient client(ConfigurableApplicationContext service) {
        return new ApiClient("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
    }

    /** Donations recorded a second, and the CPU each cost every process. */
    private record Recorded(double rate, String cpu) {
    }

    /** Sends {@code batches} CSV batches of 10,000 to each instance at once; donations/s over all. */
    private static Recorded batchIntake(List<ApiClient> instances, String office, String fundId, int batches, String run)
            throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(instances.size());
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        ProcessCpu cpuBefore = ProcessCpu.now();
        long started = System.nanoTime();
        for (int i = 0; i < instances.size(); i++) {
            ApiClient instance = instances.get(i);
            int index = i + 1;
            String prefix = "QR-" + run + "-" + i + "-";
            sent.add(senders.submit(() -> {
                for (int batch = 0; batch < batches; batch++) {
                    StringBuilder csv = new StringBuilder("fundId,amount,channel,reference\n");
                    for (int row = 0; row < 10_000; row++) {
                        csv.append(fundId).append(",100000,QR,").append(prefix).append(batch).append('-').append(row).append('\n');
                    }
                    byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
                    // A batch that outlasts the client's 30 s is sent again, as a client would: its references
                    // make the repeat record only what the first attempt had not.
                    for (int attempt = 1; ; attempt++) {
                        try {
                            ApiClient.Response answer = instance.post("/api/v1/donations/batch", office, "text/csv", body);
                            if (answer.status() == 200) {
                                break;
                            }
                            if (answer.status() != 503 || attempt == 5) {
                                throw new IllegalStateException(answer.status() + " " + answer.body());
                            }
                        } catch (java.io.UncheckedIOException timedOut) {
                            if (attempt == 5) {
                                throw timedOut;
                            }
                        }
                        System.out.printf("Batch %d on instance %d sent again (attempt %d)%n", batch, index, attempt + 1);
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> done : sent) {
            done.get();
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        int donations = instances.size() * batches * 10_000;
        ProcessCpu cpuAfter = ProcessCpu.now();
        // Donation-service, the CSV the senders build and, unless they run apart, the broker and the wire server.
        String cpu = String.format("CPU per donation: this JVM (%s) %.1f µs%s", ProcessCpu.infrastructureApart()
                        ? "donation-service and the senders" : "donation-service, the senders, broker and wire server",
                cpuAfter.thisJvmMicrosPerItem(cpuBefore, donations), cpuAfter.infrastructurePerItem(cpuBefore, donations));
        System.out.printf("Batch intake, %d instance(s): %,d donations in %.1f s = %,.0f donations/s; %s%n", instances.size(), donations,
                seconds, donations / seconds, cpu);
        return new Recorded(donations / seconds, cpu);
    }

    private static double producerAlone(int records) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] payload = new byte[200];
        // A broker of its own (./local-stack) creates no topic by itself; the embedded one would make it like this.
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("bench.producer", 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException exists) {
            if (!(exists.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw exists;
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("bench.producer", payload)).get();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.producer", payload));
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Kafka producer alone: %,d records in %.1f s = %,.0f records/s%n", records, seconds, records / seconds);
            return records / seconds;
        }
    }
}
