package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * A relief round in Quận 1 through two instances of each of the four services against the same
 * broker and databases: households registered and imported on both registry instances, bank
 * donations into one fund on both donation instances, a campaign approved, deliveries on both
 * distribution instances, dashboards open on both reporting instances. One instance of each is
 * killed (SIGKILL) in the middle of its share of the work; what it was answering is sent again to
 * the instance left, with the same Idempotency-Key, bank reference or delivery id, as a client
 * would. At the end every household is registered once, money and rice reconcile to the đồng and
 * the kilogram, and reporting agrees.
 */
class SeveralInstancesSystemTest {

    static final String DISTRICT = "760";
    static final List<String> WARDS = List.of("26734", "26737", "26740", "26743", "26746", "26749", "26752", "26755",
            "26758", "26761");
    static final int REGISTRATIONS = 120;
    static final int IMPORTED_PER_JOB = 900;
    static final int DONATIONS = 240;
    static final long CASH = 500_000L;
    static final int RICE_KG = 10;
    static final JsonMapper JSON = JsonMapper.builder().build();

    final Platform platform = Platform.get();
    final List<ServiceProcess> started = new ArrayList<>();

    @Test
    void aReliefRoundThroughTwoInstancesOfEachServiceReconcilesAfterOneOfEachIsKilled() throws Exception {
        String district = platform.bearer("quan-1-district");
        String tag = "Nb" + letters((int) (System.nanoTime() % 10_000_000L)); // names have no digits
        ServiceProcess registryB = platform.serviceProcess("registry", ServiceProcess.freePort(), Map.of(
                "ANSINH_REGISTRY_IMPORT_LEASE", "PT10S")).start();
        ServiceProcess donationB = platform.serviceProcess("donation", ServiceProcess.freePort(), Map.of()).start();
        ServiceProcess distributionB = platform.serviceProcess("distribution", ServiceProcess.freePort(), Map.of()).start();
        ServiceProcess reportingB = platform.reportingProcess(ServiceProcess.freePort()).start();
        started.addAll(List.of(registryB, donationB, distributionB, reportingB));
        try {
            for (ServiceProcess instance : started) {
                instance.awaitHealthy(Duration.ofSeconds(180));
            }
            ApiClient registryA = platform.registry;
            ApiClient donationA = platform.donation;
            ApiClient distributionA = platform.distribution;
            ApiClient[] registry = {registryA, client(registryB)};
            ApiClient[] donation = {donationA, client(donationB)};
            ApiClient[] distribution = {distributionA, client(distributionB)};

            // Reporting: while the second instance runs, a rebuild would have it write into dropped read models.
            ApiClient.Response rebuild = platform.reportingApi().postJson("/api/v1/admin/rebuild", platform.bearer("platform-admin"), "{}");
            assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(409);
            assertThat(rebuild.json().get("code").asString()).isEqualTo("rebuild-other-instances");
            Dashboards dashboards = new Dashboards(district, platform.reporting.port, reportingB.port);

            String fundId = donationA.postJson("/api/v1/funds", district, ApiClient.json(Map.of(
                    "name", "Quỹ cứu trợ " + tag, "officeUnitCode", DISTRICT))).json().get("id").asString();
            String rice = "Gạo " + tag;
            long riceReceived = 0;
            for (ApiClient instance : donation) {
                ApiClient.Response goods = instance.postJson("/api/v1/donations", district, ApiClient.json(Map.of(
                        "officeUnitCode", DISTRICT, "items", List.of(Map.of("item", rice, "unit", "kg", "quantity", 14_000,
                                "estimatedValue", 14_000 * 15_000L)))));
                assertThat(goods.status()).as(goods.body()).isEqualTo(202);
                riceReceived += 14_000;
            }

            // Registrations, two imports and donations at once, on both instances of each service.
            ExecutorService clients = Executors.newFixedThreadPool(8);
            AtomicInteger nextRegistration = new AtomicInteger();
            AtomicInteger registered = new AtomicInteger();
            AtomicInteger retried = new AtomicInteger();
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                ApiClient mine = registry[thread % 2];
                work.add(clients.submit(() -> {
                    for (int n = nextRegistration.getAndIncrement(); n < REGISTRATIONS; n = nextRegistration.getAndIncrement()) {
                        String body = registration(tag, n);
                        String key = UUID.randomUUID().toString();
                        ApiClient.Response answer = sendWithRetry(mine, registryA, retried,
                                client -> client.postJson("/api/v1/households", district, body, Map.of("Idempotency-Key", key)));
                        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                        registered.incrementAndGet();
                    }
                }));
            }
            AtomicInteger nextDonation = new AtomicInteger();
            AtomicLong donated = new AtomicLong();
            AtomicInteger acknowledgedDonations = new AtomicInteger();
            for (int thread = 0; thread < 4; thread++) {
                ApiClient mine = donation[thread % 2];
                work.add(clients.submit(() -> {
                    for (int n = nextDonation.getAndIncrement(); n < DONATIONS; n = nextDonation.getAndIncrement()) {
                        long amount = 6_000_000L + n * 1_000L;
                        String body = ApiClient.json(Map.of("fundId", fundId, "amount", amount, "channel", "BANK",
                                "reference", "VCB-" + tag + "-" + n));
                        ApiClient.Response answer = sendWithRetry(mine, donationA, retried,
                                client -> client.postJson("/api/v1/donations", district, body));
                        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
                        donated.addAndGet(amount);
                        acknowledgedDonations.incrementAndGet();
                    }
                }));
            }
            List<String> jobs = List.of(importJob(registryB, district, tag, 0), importJob(registryB, district, tag, 1));

            // Killed while it holds a job half done (its lease names its process): the other instance takes the job over.
            try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri("registry"))) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> holdsAJobUnderWay(mongo, registryB));
            }
            registryB.kill();
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledgedDonations.get() >= DONATIONS / 3);
            donationB.kill();
            for (Future<?> done : work) {
                done.get();
            }
            for (String job : jobs) {
                JsonNode finished = await().atMost(Duration.ofSeconds(180)).until(() -> registryA.get("/api/v1/jobs/" + job, district).json(),
                        j -> !"RUNNING".equals(j.get("state").asString()) && !"QUEUED".equals(j.get("state").asString()));
                assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("DONE");
                assertThat(finished.get("accepted").asInt()).isEqualTo(IMPORTED_PER_JOB);
            }
            int households = REGISTRATIONS + 2 * IMPORTED_PER_JOB;
            assertThat(registered.get()).isEqualTo(REGISTRATIONS);
            assertThat(countRegistered(tag)).as("every household once, none saved twice by a retry or a takeover").isEqualTo(households);
            long expectedDonated = donated.get();
            assertThat(donationA.get("/api/v1/funds/" + fundId, district).json().get("balance").asLong())
                    .as("every bank transfer once, whichever instance recorded it").isEqualTo(expectedDonated);
            // Each reporting instance's dashboard shows money projected by either instance.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(dashboards.cashReceived(0)).isEqualTo(expectedDonated);
                assertThat(dashboards.cashReceived(1)).isEqualTo(expectedDonated);
            });

            // The campaign: every household in the ten wards, cash from the fund and rice from stock.
            String campaignId = campaign(distributionA, district, tag, fundId, rice);
            await().atMost(Duration.ofSeconds(90)).until(() -> distributionA.postJson("/api/v1/campaigns/" + campaignId
                    + "/entitlements/generate", district, "{}").status() == 200 && onList(distributionA, district, campaignId) == households);
            WARDS.forEach(ward -> assertThat(distributionA.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/submit",
                    district, ApiClient.json(Map.of("unitCode", ward))).status()).isEqualTo(200));
            assertThat(distributionA.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(distributionA.get("/api/v1/campaigns/" + campaignId,
                    district).json().get("state").asString()));

            ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
            distributionA.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", district).json()
                    .forEach(entitlement -> pending.add(entitlement.get("id").asString()));
            assertThat(pending).hasSize(households);
            AtomicInteger delivered = new AtomicInteger();
            work.clear();
            for (int thread = 0; thread < 6; thread++) {
                ApiClient mine = distribution[thread % 2];
                work.add(clients.submit(() -> {
                    for (String entitlement = pending.poll(); entitlement != null; entitlement = pending.poll()) {
                        String body = ApiClient.json(Map.of("id", UUID.randomUUID().toString(), "entitlementId", entitlement,
                                "deliveredAt", Instant.now().minusSeconds(60).toString(), "deliveredBy", "Tổ dân phố"));
                        ApiClient.Response answer = sendWithRetry(mine, distributionA, retried,
                                client -> client.postJson("/api/v1/deliveries", district, body));
                        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
                        delivered.incrementAndGet();
                    }
                }));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> delivered.get() >= households / 3);
            distributionB.kill();
            reportingB.kill();
            for (Future<?> done : work) {
                done.get();
            }
            clients.shutdown();
            assertThat(delivered.get()).isEqualTo(households);
            System.out.printf("Two instances each, one of each killed: %d households, %d donations, %d deliveries; %d requests "
                    + "sent again to the instance left%n", households, DONATIONS, households, retried.get());

            long riceLeft = riceReceived - (long) households * RICE_KG;
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode fund = donationA.get("/api/v1/funds/" + fundId, district).json();
                assertThat(fund.get("spent").asLong()).isEqualTo(households * CASH);
                assertThat(fund.get("balance").asLong()).isEqualTo(expectedDonated - households * CASH);
                JsonNode stock = riceOf(donationA, district, rice);
                assertThat(stock.get("delivered").decimalValue()).isEqualByComparingTo(Long.toString((long) households * RICE_KG));
                assertThat(stock.get("onHand").decimalValue().add(stock.get("reserved").decimalValue()))
                        .isEqualByComparingTo(Long.toString(riceLeft));
            });
            JsonNode progress = distributionA.get("/api/v1/campaigns/" + campaignId + "/progress", district).json();
            assertThat(progress.get("delivered").asLong()).isEqualTo(households);
            assertThat(progress.get("pending").asLong()).as("nobody approved and forgotten").isZero();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode summary = platform.reportingApi().get("/api/v1/reports/summary?unit=" + DISTRICT, district).json();
                assertThat(summary.get("households").asLong()).isEqualTo(households);
                assertThat(summary.get("cashReceived").asLong()).isEqualTo(expectedDonated);
                JsonNode report = platform.reportingApi().get("/api/v1/reports/campaigns/" + campaignId, district).json();
                assertThat(report.get("deliveredHouseholds").asLong()).isEqualTo(households);
                assertThat(report.get("cashDelivered").asLong()).isEqualTo(households * CASH);
                assertThat(report.get("goodsDelivered").get(0).get("quantity").decimalValue())
                        .isEqualByComparingTo(Long.toString((long) households * RICE_KG));
            });
            dashboards.close();
        } finally {
            started.forEach(ServiceProcess::stop);
        }
    }

    /**
     * Sends to {@code mine}; when it does not answer (killed mid-request, or gone), or answers that
     * the same key is still held by a request the killed instance never finished, sends the same
     * request to {@code survivor} until it gets an answer.
     */
    private static ApiClient.Response sendWithRetry(ApiClient mine, ApiClient survivor, AtomicInteger retried,
                                                    java.util.function.Function<ApiClient, ApiClient.Response> request) {
        try {
            ApiClient.Response answer = request.apply(mine);
            if (answer.status() < 500 && !answer.body().contains("idempotency-key-in-progress")) {
                return answer;
            }
        } catch (UncheckedIOException gone) {
            // the instance was killed: ask the other one
        }
        retried.incrementAndGet();
        AtomicReference<ApiClient.Response> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            answer.set(request.apply(survivor));
            return answer.get().status() < 500 && !answer.get().body().contains("idempotency-key-in-progress");
        });
        return answer.get();
    }

    private static boolean holdsAJobUnderWay(MongoClient mongo, ServiceProcess instance) {
        return mongo.getDatabase("registry").getCollection("import_jobs").countDocuments(new Document("state", "RUNNING")
                .append("processed", new Document("$gt", 0))
                .append("leaseOwner", new Document("$regex", "^" + instance.pid() + "@"))) > 0;
    }

    private static ApiClient client(ServiceProcess instance) {
        return new ApiClient("http://localhost:" + instance.port);
    }

    private static String registration(String tag, int n) {
        String name = "Lê Văn " + tag + " " + letters(n);
        return ApiClient.json(Map.of("headName", name,
                "members", List.of(Map.of("fullName", name, "dateOfBirth", LocalDate.of(1955, 3, 1).plusDays(n * 31L).toString(),
                        "gender", "MALE", "relation", "HEAD")),
                "address", Map.of("unitCode", WARDS.get(n % WARDS.size()), "hamlet", "Khu phố 1"),
                "categories", List.of("LOCKDOWN_ZONE"), "povertyStatus", "POOR"));
    }

    private String importJob(ServiceProcess registryB, String district, String tag, int job) {
        StringBuilder csv = new StringBuilder("Mã hộ;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Quan hệ với chủ hộ;Mã xã;Diện;Tình trạng nghèo\n");
        for (int i = 0; i < IMPORTED_PER_JOB; i++) {
            int n = 1_000 + job * IMPORTED_PER_JOB + i;
            csv.append("Q").append(n).append(';').append("Phạm Thị ").append(tag).append(' ').append(letters(n)).append(';')
                    .append(String.format("%02d/%02d/%d", 1 + n % 28, 1 + n % 12, 1940 + n % 60)).append(";Nữ;;Chủ hộ;")
                    .append(WARDS.get(n % WARDS.size())).append(";LOCKDOWN_ZONE;Hộ nghèo\n");
        }
        ApiClient.Response accepted = client(registryB).post("/api/v1/households/import", district, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("jobId").asString();
    }

    private static String letters(int n) {
        return "" + (char) ('A' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26) + (char) ('a' + n / 17_576 % 26);
    }

    private static long countRegistered(String tag) {
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri("registry"))) {
            return mongo.getDatabase("registry").getCollection("households").countDocuments(new Document("headName",
                    new Document("$regex", "^(Lê Văn|Phạm Thị) " + tag + " ")));
        }
    }

    private static String campaign(ApiClient distribution, String token, String tag, String fundId, String rice) {
        String body = ApiClient.json(Map.of("name", "Cứu trợ " + tag, "officeUnitCode", DISTRICT, "targetUnitCodes", WARDS,
                "eligibility", Map.of("categories", List.of("LOCKDOWN_ZONE")),
                "benefit", Map.of("cash", Map.of("fundId", fundId, "amountPerHousehold", CASH),
                        "items", List.of(Map.of("item", rice, "unit", "kg", "quantityPerHousehold", RICE_KG)))));
        // distribution learns of the fund from donation-service's event: until it has, the fund is unknown to it (422).
        ApiClient.Response created = await().atMost(Duration.ofSeconds(30)).until(() -> distribution.postJson("/api/v1/campaigns", token, body),
                answer -> answer.status() != 422 || !answer.body().contains("unknown-fund"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static long onList(ApiClient distribution, String token, String campaignId) {
        return distribution.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", token).json().size();
    }

    private static JsonNode riceOf(ApiClient donation, String token, String rice) {
        for (JsonNode line : donation.get("/api/v1/stock?officeUnitCode=" + DISTRICT, token).json()) {
            if (line.get("item").asString().equals(rice)) {
                return line;
            }
        }
        throw new AssertionError("no " + rice);
    }

    /** The district's dashboard stream open on each reporting instance, keeping the newest figures each sent. */
    private static final class Dashboards implements AutoCloseable {

        private final HttpClient http = HttpClient.newHttpClient();
        private final List<AtomicReference<JsonNode>> newest = List.of(new AtomicReference<>(), new AtomicReference<>());
        private final List<Future<?>> readers = new ArrayList<>();
        private final ExecutorService threads = Executors.newFixedThreadPool(2);

        Dashboards(String token, int... ports) {
            for (int i = 0; i < ports.length; i++) {
                AtomicReference<JsonNode> figures = newest.get(i);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports[i] + "/api/v1/stream?unit=" + DISTRICT))
                        .header("Authorization", token).header("Accept", "text/event-stream").GET().build();
                readers.add(threads.submit(() -> {
                    http.send(request, HttpResponse.BodyHandlers.ofLines()).body()
                            .filter(line -> line.startsWith("data:"))
                            .forEach(line -> figures.set(JSON.readTree(line.substring("data:".length()))));
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> newest.stream().allMatch(figures -> figures.get() != null));
        }

        long cashReceived(int instance) {
            return newest.get(instance).get().get("figures").get("total").get("cashReceived").asLong();
        }

        @Override
        public void close() {
            readers.forEach(reader -> reader.cancel(true));
            threads.shutdownNow();
        }
    }
}
