package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * Kills reporting-service's process (SIGKILL) in the middle of a stream of 1,000 registrations,
 * restarts it, and checks that every acknowledged registration is stored exactly once in the
 * registry and counted exactly once in the reporting projection: nothing lost, nothing doubled.
 */
class ConsumerCrashSystemTest {

    static final String UNIT = "27496"; // Thị trấn Củ Chi: no other system test registers here
    final AtomicInteger families = new AtomicInteger();
    static final int HOUSEHOLDS = 1_000;

    final Platform platform = Platform.get();

    @Test
    void killingTheConsumerMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
        String officer = platform.bearer("cu-chi-district");
        long before = await().atMost(Duration.ofSeconds(60)).until(
                () -> platform.reportingApi().get("/api/v1/reports/summary?unit=" + UNIT, officer),
                response -> response.status() == 200).json().get("households").asLong();
        await().atMost(Duration.ofSeconds(60)).until(() -> register(officer).status() == 201); // unit tree has arrived
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger(1);
        long firstWrite = countInRegistry() - 1;

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            writers.add(clients.submit(() -> {
                while (attempts.getAndIncrement() < HOUSEHOLDS) {
                    ApiClient.Response response = register(officer);
                    if (response.status() == 201) {
                        acknowledged.add(response.json().get("id").asString());
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 300);
        platform.reporting.kill();
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 700);
        platform.reporting = platform.reportingProcess(platform.reporting.port).start().awaitHealthy(Duration.ofSeconds(120));
        for (Future<?> writer : writers) {
            writer.get();
        }
        clients.shutdown();

        int expected = acknowledged.size() + 1; // plus the first registration that proved the unit tree was there
        assertThat(countInRegistry() - firstWrite).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                platform.reportingApi().get("/api/v1/reports/summary?unit=" + UNIT, officer).json().get("households").asLong())
                .isEqualTo(before + expected));
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri("reporting"))) {
            var view = mongo.getDatabase("reporting").getCollection("household_view");
            assertThat(view.countDocuments(new Document("_id", new Document("$in", new ArrayList<>(acknowledged)))))
                    .isEqualTo(acknowledged.size());
            assertThat(view.countDocuments(new Document("unitCode", UNIT))).isEqualTo(before + expected);
        }
    }

    /** A different family each time (one family registered 1,000 times would be 1,000 duplicate cases). */
    private ApiClient.Response register(String officer) {
        int n = families.incrementAndGet();
        String name = "Võ Thị " + (char) ('A' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
        return platform.registry.postJson("/api/v1/households", officer, ApiClient.json(Map.of("headName", name,
                "members", List.of(Map.of("fullName", name, "dateOfBirth", LocalDate.of(1950, 1, 1).plusDays(n * 17L).toString(),
                        "gender", "FEMALE", "relation", "HEAD")),
                "address", Map.of("unitCode", UNIT, "hamlet", "Ấp Bàu Tròn"),
                "categories", List.of("POOR", "LOCKDOWN_ZONE"), "povertyStatus", "POOR")));
    }

    private long countInRegistry() {
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri("registry"))) {
            return mongo.getDatabase("registry").getCollection("households").countDocuments(new Document("unitCode", UNIT));
        }
    }
}
