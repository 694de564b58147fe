package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;

/**
 * A lockdown relief round in the spirit of the seeds at reduced scale (2,102 households), across registry, donation and
 * distribution: Củ Chi's 21 communes import their poor households, the district's fund and rice
 * stock are filled, a campaign of 1,500,000 VND and 15 kg of rice per household is listed, submitted
 * and approved, and every household is served — each attempted twice at once by two field staff,
 * one delivery event delivered twice to donation-service, a duplicate family merged mid-campaign. A
 * second campaign asking too much is rejected for lack of funds. At the end money and rice reconcile
 * with donation-service to the đồng and the kilogram.
 */
class LockdownReliefSystemTest {

    static final List<String> COMMUNES = List.of("27496", "27499", "27502", "27505", "27508", "27511", "27514", "27517",
            "27520", "27523", "27526", "27529", "27532", "27535", "27538", "27541", "27544", "27547", "27550", "27553", "27556");
    static final int PER_COMMUNE = 100;
    static final long CASH = 1_500_000L;

    final Platform platform = Platform.get();

    @Test
    void everyApprovedHouseholdIsServedOnceAndMoneyAndRiceReconcile() throws Exception {
        String district = platform.bearer("cu-chi-district");
        String tag = "Lk" + letters((int) (System.nanoTime() % 100_000_000L)); // names have no digits
        importHouseholds(district, tag);
        List<String> family = idsNamed(district, tag + " Trùng");
        assertThat(family).as("the family entered by two communes").hasSize(2);
        int households = COMMUNES.size() * PER_COMMUNE + 2;

        String fundId = platform.donation.postJson("/api/v1/funds", district, ApiClient.json(Map.of(
                "name", "Quỹ hỗ trợ giãn cách " + tag, "officeUnitCode", "783"))).json().get("id").asString();
        long donated = households * CASH + 7_000_000L;
        assertThat(platform.donation.postJson("/api/v1/donations", district, ApiClient.json(Map.of("fundId", fundId,
                "amount", donated, "channel", "BANK", "reference", "VCB-" + tag))).status()).isEqualTo(202);
        String rice = "Gạo " + tag;
        assertThat(platform.donation.postJson("/api/v1/donations", district, ApiClient.json(Map.of("officeUnitCode", "783",
                "items", List.of(Map.of("item", rice, "unit", "kg", "quantity", households * 15 + 100, "estimatedValue",
                        (households * 15 + 100) * 15_000L))))).status()).isEqualTo(202);

        String campaignId = campaign(district, "Hỗ trợ giãn cách " + tag, fundId, CASH, rice);
        await().atMost(Duration.ofSeconds(60)).until(() -> platform.distribution.postJson(
                "/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}").json().get("added").asLong() > 0
                && approvedOnList(district, campaignId) == households);
        COMMUNES.forEach(commune -> assertThat(platform.distribution.postJson("/api/v1/campaigns/" + campaignId
                + "/entitlements/submit", district, ApiClient.json(Map.of("unitCode", commune))).status()).isEqualTo(200));
        long approveStarted = System.nanoTime();
        assertThat(platform.distribution.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}").status())
                .isEqualTo(200);
        System.out.printf("Approved a list of %,d households in %d ms%n", households, (System.nanoTime() - approveStarted) / 1_000_000);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ACTIVE".equals(campaignState(district, campaignId)));

        String greedy = campaign(district, "Hỗ trợ vượt quỹ " + tag, fundId, 100_000_000L, null);
        platform.distribution.postJson("/api/v1/campaigns/" + greedy + "/entitlements/generate", district, "{}");
        COMMUNES.forEach(commune -> platform.distribution.postJson("/api/v1/campaigns/" + greedy + "/entitlements/submit",
                district, ApiClient.json(Map.of("unitCode", commune))));
        platform.distribution.postJson("/api/v1/campaigns/" + greedy + "/approve", district, "{}");
        await().atMost(Duration.ofSeconds(60)).until(() -> "REJECTED".equals(campaignState(district, greedy)));
        assertThat(platform.distribution.get("/api/v1/campaigns/" + greedy, district).json().get("rejectionReason").asString())
                .isEqualTo("insufficient-funds");

        // The district finds the family entered twice and merges it while the round is under way.
        JsonNode duplicateCase = openCaseOf(district, family);
        assertThat(platform.registry.postJson("/api/v1/duplicates/" + duplicateCase.get("id").asString() + "/resolve", district,
                ApiClient.json(Map.of("decision", "MERGE", "keepHouseholdId", family.get(0)))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.distribution.postJson("/api/v1/deliveries", district,
                delivery(campaignId, family.get(0))).status() == 201);
        ApiClient.Response mergedAway = platform.distribution.postJson("/api/v1/deliveries", district, delivery(campaignId, family.get(1)));
        assertThat(mergedAway.status()).isEqualTo(409);

        List<String> pending = new ArrayList<>();
        platform.distribution.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", district).json()
                .forEach(entitlement -> pending.add(entitlement.get("id").asString()));
        ExecutorService fieldStaff = Executors.newFixedThreadPool(8);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (String entitlementId : pending) {
            for (int staff = 0; staff < 2; staff++) {
                String body = ApiClient.json(Map.of("id", UUID.randomUUID().toString(), "entitlementId", entitlementId,
                        "deliveredAt", Instant.now().minusSeconds(300).toString(), "deliveredBy", "Tổ phản ứng nhanh"));
                attempts.add(fieldStaff.submit(() -> platform.distribution.postJson("/api/v1/deliveries", district, body).status()));
            }
        }
        int created = 0;
        for (Future<Integer> attempt : attempts) {
            int status = attempt.get();
            assertThat(status).isIn(201, 409);
            created += status == 201 ? 1 : 0;
        }
        fieldStaff.shutdown();
        assertThat(created).as("each household once, whoever came first").isEqualTo(pending.size());
        int delivered = created + 1;
        assertThat(delivered).isEqualTo(households - 1);

        // One delivery event reaches donation-service twice: it must spend once.
        PublishedEvents.Event oneDelivery = PublishedEvents.readAll(Topics.CAMPAIGNS.name()).stream()
                .filter(e -> campaignId.equals(e.key()) && e.type().equals(EventTypes.DELIVERY_RECORDED)).findFirst().orElseThrow();
        TestEvents.publish(Topics.CAMPAIGNS.name(), UUID.randomUUID().toString(), EventTypes.DELIVERY_RECORDED, campaignId, 0,
                oneDelivery.payload().getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode fund = platform.donation.get("/api/v1/funds/" + fundId, district).json();
            assertThat(fund.get("spent").asLong()).isEqualTo(delivered * CASH);
            assertThat(riceOf(district, rice).get("delivered").decimalValue()).isEqualByComparingTo(Long.toString(delivered * 15L));
        });
        JsonNode progress = platform.distribution.get("/api/v1/campaigns/" + campaignId + "/progress", district).json();
        assertThat(progress.get("delivered").asLong()).isEqualTo(delivered);
        assertThat(progress.get("pending").asLong()).isZero();
        assertThat(progress.get("coveragePercent").asDouble()).isEqualTo(100.0);
        assertThat(platform.distribution.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", district).json())
                .as("nobody approved and forgotten").isEmpty();

        platform.distribution.postJson("/api/v1/campaigns/" + campaignId + "/close", district,
                ApiClient.json(Map.of("reason", "Kết thúc đợt")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode fund = platform.donation.get("/api/v1/funds/" + fundId, district).json();
            assertThat(fund.get("reserved").asLong()).isZero();
            assertThat(fund.get("balance").asLong()).isEqualTo(donated - delivered * CASH);
            JsonNode riceLeft = riceOf(district, rice);
            assertThat(riceLeft.get("reserved").decimalValue()).isEqualByComparingTo("0");
            assertThat(riceLeft.get("onHand").decimalValue()).isEqualByComparingTo(Long.toString(households * 15L + 100 - delivered * 15L));
        });

        // reporting-service, from the same events, agrees with distribution's progress: the family entered twice
        // counts once, every delivery once, nobody pending, cash and rice handed over, the campaign closed.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode report = platform.reportingApi().get("/api/v1/reports/campaigns/" + campaignId, district).json();
            assertThat(report.get("state").asString()).isEqualTo("CLOSED");
            assertThat(report.get("approvedHouseholds").asLong()).isEqualTo(progress.get("approved").asLong()).isEqualTo(delivered);
            assertThat(report.get("deliveredHouseholds").asLong()).isEqualTo(delivered);
            assertThat(report.get("coveragePercent").asDouble()).isEqualTo(100.0);
            assertThat(report.get("cashDelivered").asLong()).isEqualTo(delivered * CASH);
            assertThat(report.get("goodsDelivered").get(0).get("quantity").decimalValue())
                    .isEqualByComparingTo(Long.toString(delivered * 15L));
            assertThat(report.get("communes")).hasSize(COMMUNES.size());
        });
    }

    private void importHouseholds(String district, String tag) {
        StringBuilder csv = new StringBuilder("Mã hộ;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Quan hệ với chủ hộ;Mã xã;Diện;Tình trạng nghèo\n");
        int n = 0;
        for (String commune : COMMUNES) {
            for (int i = 0; i < PER_COMMUNE; i++, n++) {
                csv.append("H").append(n).append(';').append("Võ Văn ").append(tag).append(' ').append(letters(n)).append(';')
                        .append(String.format("%02d/%02d/%d", 1 + n % 28, 1 + n % 12, 1950 + n % 50)).append(";Nam;;Chủ hộ;")
                        .append(commune).append(";LOST_INCOME_WORKER;Hộ nghèo\n");
            }
        }
        for (String commune : List.of("27499", "27502")) {
            csv.append("D").append(commune).append(';').append("Trần Thị ").append(tag).append(" Trùng;12/05/1968;Nữ;079168012345;Chủ hộ;")
                    .append(commune).append(";LOST_INCOME_WORKER;Hộ nghèo\n");
        }
        String jobId = platform.registry.post("/api/v1/households/import", district, "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).json().get("jobId").asString();
        JsonNode job = await().atMost(Duration.ofSeconds(120)).until(() -> platform.registry.get("/api/v1/jobs/" + jobId, district)
                .json(), j -> "DONE".equals(j.get("state").asString()));
        assertThat(job.get("rejected").asInt()).as(job.toString()).isZero();
    }

    private static String letters(int n) {
        return "" + (char) ('A' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
    }

    private List<String> idsNamed(String token, String name) {
        List<String> ids = new ArrayList<>();
        platform.registry.get("/api/v1/households?size=10&q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), token)
                .json().get("content").forEach(h -> ids.add(h.get("id").asString()));
        ids.sort(null);
        return ids;
    }

    private JsonNode openCaseOf(String token, List<String> pair) {
        for (JsonNode duplicate : platform.registry.get("/api/v1/duplicates?state=OPEN&size=2000", token).json().get("content")) {
            Set<String> ids = new HashSet<>();
            duplicate.get("households").forEach(h -> ids.add(h.path("householdId").asString("")));
            if (ids.containsAll(pair)) {
                return duplicate;
            }
        }
        throw new AssertionError("no open case for " + pair);
    }

    /** The second campaign (rice == null) runs alongside the first on purpose: it must fail for money, not for overlap. */
    private String campaign(String token, String name, String fundId, long cash, String rice) {
        Map<String, Object> benefit = rice == null ? Map.of("cash", Map.of("fundId", fundId, "amountPerHousehold", cash))
                : Map.of("cash", Map.of("fundId", fundId, "amountPerHousehold", cash),
                        "items", List.of(Map.of("item", rice, "unit", "kg", "quantityPerHousehold", 15)));
        String body = ApiClient.json(Map.of(
                "name", name, "officeUnitCode", "783", "targetUnitCodes", COMMUNES,
                                // Workers who lost their income: other system tests register poor households in the same communes.
                "eligibility", Map.of("categories", List.of("LOST_INCOME_WORKER")), "benefit", benefit, "allowOverlap", rice == null));
        // distribution learns of the fund from donation-service's event: until it has, the fund is unknown to it (422).
        ApiClient.Response[] created = new ApiClient.Response[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            created[0] = platform.distribution.postJson("/api/v1/campaigns", token, body);
            return created[0].status() != 422 || !created[0].body().contains("unknown-fund");
        });
        assertThat(created[0].status()).as(created[0].body()).isEqualTo(201);
        return created[0].json().get("id").asString();
    }

    private long approvedOnList(String token, String campaignId) {
        return platform.distribution.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", token).json().size();
    }

    private String campaignState(String token, String campaignId) {
        return platform.distribution.get("/api/v1/campaigns/" + campaignId, token).json().get("state").asString();
    }

    private String delivery(String campaignId, String householdId) {
        return ApiClient.json(Map.of("id", UUID.randomUUID().toString(), "entitlementId", campaignId + ":" + householdId,
                "deliveredAt", Instant.now().minusSeconds(600).toString(), "deliveredBy", "Tổ phản ứng nhanh"));
    }

    private JsonNode riceOf(String token, String rice) {
        for (JsonNode line : platform.donation.get("/api/v1/stock?officeUnitCode=783", token).json()) {
            if (line.get("item").asString().equals(rice)) {
                return line;
            }
        }
        throw new AssertionError("no " + rice);
    }
}
