package vn.ansinh.distribution.twinning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.distribution.DistributionServiceTest;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Agencies twinned with a village (the Pleiku seed, here a hamlet of Củ Chi): gifts, health-insurance
 * cards and money recorded year by year, a house built under the twinning counted in its year, two
 * agencies over the years in the village's report; refusals that store nothing.
 */
class TwinningsTest extends DistributionServiceTest {

    private static final String THI_TRAN = "27496";

    @Autowired
    MongoTemplate mongo;
    @Autowired
    HouseholdReplica replica;

    final String approver = TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER");
    final String district1 = TestTokens.bearer(QUAN_1, "OFFICER", "APPROVER");

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private static String letters() {
        StringBuilder text = new StringBuilder("X");
        for (int i = 0; i < 5; i++) {
            text.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return text.toString();
    }

    private String household(String unit) {
        String id = "hh-twin-" + UUID.randomUUID();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0, new HouseholdRegistered(id, unit,
                List.of("POOR", "ETHNIC_MINORITY"), "POOR", 5, Instant.now(), null, List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(id).isPresent());
        return id;
    }

    private ApiClient.Response agree(String agency, String unit, String village, LocalDate since) {
        return api.postJson("/api/v1/twinnings", approver, ApiClient.json(Map.of("officeUnitCode", CU_CHI, "agency", agency,
                "unitCode", unit, "village", village, "since", since.toString())));
    }

    private ApiClient.Response give(String twinning, String token, String kind, LocalDate on, Long quantity, long value) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "on", on.toString(), "value", value));
        if (quantity != null) {
            body.put("quantity", quantity);
        }
        return api.postJson("/api/v1/twinnings/" + twinning + "/contributions", token, ApiClient.json(body));
    }

    private static JsonNode year(JsonNode report, int year) {
        for (JsonNode figures : report.get("years")) {
            if (figures.get("year").asInt() == year) {
                return figures;
            }
        }
        throw new AssertionError("no year " + year + " in " + report);
    }

    @Test
    void whatAgenciesGaveAVillageIsReportedPerTwinningAndForTheVillageOverTheYears() {
        int thisYear = today().getYear();
        String village = "Ấp Bàu Tre " + letters();
        ApiClient.Response agreed = agree("Sở Tài chính thành phố", THI_TRAN, village, LocalDate.of(thisYear - 3, 1, 10));
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(201);
        String finance = agreed.json().get("id").asString();

        assertThat(give(finance, approver, "GIFTS", LocalDate.of(thisYear - 2, 1, 20), 50L, 25_000_000).status()).isEqualTo(201);
        assertThat(give(finance, approver, "HEALTH_INSURANCE_CARDS", LocalDate.of(thisYear - 1, 3, 1), 30L, 22_000_000).status())
                .isEqualTo(201);
        assertThat(give(finance, approver, "CASH", today(), null, 10_000_000).status()).isEqualTo(201);
        ApiClient.Response beforeIt = give(finance, approver, "GIFTS", LocalDate.of(thisYear - 3, 1, 9), 1L, 1);
        assertThat(beforeIt.status()).as("a gift before the twinning began").isEqualTo(400);

        // A house built under the twinning counts in the year it was handed over.
        String family = household(THI_TRAN);
        ApiClient.Response house = api.postJson("/api/v1/houses", approver, ApiClient.json(Map.of("officeUnitCode", CU_CHI,
                "householdId", family, "kind", "BUILD", "estimatedCost", 60_000_000, "twinningId", finance,
                "approvedOn", today().minusDays(40).toString())));
        assertThat(house.status()).as(house.body()).isEqualTo(201);
        assertThat(house.json().get("twinningId").asString()).isEqualTo(finance);
        assertThat(api.postJson("/api/v1/houses/" + house.json().get("id").asString() + "/hand-over", approver,
                ApiClient.json(Map.of("on", today().toString(), "cost", 60_000_000))).status()).isEqualTo(200);
        ApiClient.Response elsewhere = api.postJson("/api/v1/houses", approver, ApiClient.json(Map.of("officeUnitCode", CU_CHI,
                "householdId", household(TAN_THANH_DONG), "kind", "REPAIR", "estimatedCost", 1, "twinningId", finance)));
        assertThat(elsewhere.status()).as("a family of another commune").isEqualTo(422);
        assertThat(elsewhere.json().get("code").asString()).isEqualTo("twinning.other-village");

        JsonNode report = api.get("/api/v1/twinnings/" + finance + "/report", approver).json();
        assertThat(report.get("years")).as("every year since it began").hasSize(4);
        assertThat(year(report, thisYear - 2).get("value").asLong()).isEqualTo(25_000_000);
        assertThat(year(report, thisYear - 2).at("/contributions/0/quantity").asLong()).isEqualTo(50);
        assertThat(year(report, thisYear - 1).at("/contributions/0/kind").asString()).isEqualTo("HEALTH_INSURANCE_CARDS");
        assertThat(year(report, thisYear - 3).get("value").asLong()).as("nothing given the first year").isZero();
        assertThat(year(report, thisYear).get("housesBuilt").asLong()).isEqualTo(1);
        assertThat(year(report, thisYear).get("value").asLong()).isEqualTo(70_000_000);
        assertThat(report.at("/total/value").asLong()).isEqualTo(117_000_000);
        assertThat(report.at("/total/housesCost").asLong()).isEqualTo(60_000_000);

        // A second agency twinned with the same village since last year, its name typed without marks.
        String bank = agree("Ngân hàng Nông nghiệp chi nhánh Củ Chi", THI_TRAN, village.replace("Ấp Bàu", "ap bau"),
                LocalDate.of(thisYear - 1, 6, 1)).json().get("id").asString();
        give(bank, approver, "GIFTS", today(), 10L, 5_000_000);
        JsonNode ofVillage = api.get("/api/v1/twinnings/villages?unit=" + THI_TRAN + "&village=" + village.replace(" ", "%20"), approver)
                .json();
        assertThat(ofVillage.get("twinnings")).hasSize(2);
        assertThat(ofVillage.at("/total/value").asLong()).isEqualTo(122_000_000);
        assertThat(year(ofVillage, thisYear).get("value").asLong()).isEqualTo(75_000_000);
        assertThat(api.get("/api/v1/twinnings?unit=" + THI_TRAN + "&village=" + village.replace(" ", "%20"), approver).json())
                .hasSize(2);

        // Ended: nothing more under it, and no house.
        assertThat(api.postJson("/api/v1/twinnings/" + finance + "/end", approver,
                ApiClient.json(Map.of("on", today().toString(), "reason", "Sáp nhập cơ quan"))).json().get("state").asString())
                .isEqualTo("ENDED");
        assertThat(give(finance, approver, "GIFTS", today(), 1L, 1).status()).as("the day it ended still counts").isEqualTo(201);
        assertThat(api.postJson("/api/v1/houses", approver, ApiClient.json(Map.of("officeUnitCode", CU_CHI, "householdId",
                household(THI_TRAN), "kind", "BUILD", "estimatedCost", 1, "twinningId", finance))).status()).isEqualTo(409);
    }

    @Test
    void badInputAnotherOfficesVillageAndAnotherOfficeAreRefusedAndNothingIsStored() {
        long twinnings = mongo.count(new Query(), Twinning.class);
        assertThat(agree("Sở Y tế", CAU_KHO, "Khu phố 1", today().minusYears(1)).status()).as("a ward of District 1").isEqualTo(403);
        assertThat(agree("Sở Y tế", THI_TRAN, "Ấp 1", today().plusDays(1)).status()).isEqualTo(400);
        ApiClient.Response noAgency = api.postJson("/api/v1/twinnings", approver, ApiClient.json(Map.of("officeUnitCode", CU_CHI,
                "unitCode", THI_TRAN, "village", "Ấp 1", "since", today().toString())));
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(noAgency.contentType()).contains("application/problem+json");
        assertThat(mongo.count(new Query(), Twinning.class)).isEqualTo(twinnings);

        String id = agree("Sở Y tế", THI_TRAN, "Ấp " + letters(), today().minusYears(1)).json().get("id").asString();
        long contributions = mongo.count(new Query(), Contribution.class);
        assertThat(give(id, approver, "PALACES", today(), 1L, 1).status()).isEqualTo(400);
        assertThat(give(id, approver, "GIFTS", today(), 1L, -1).status()).isEqualTo(400);
        assertThat(give(id, approver, "GIFTS", today().plusDays(1), 1L, 1).status()).isEqualTo(400);
        assertThat(give(id, district1, "GIFTS", today(), 1L, 1).status()).as("unknown to District 1").isEqualTo(404);
        assertThat(api.get("/api/v1/twinnings/" + id + "/report", district1).status()).isEqualTo(404);
        assertThat(mongo.count(new Query(), Contribution.class)).isEqualTo(contributions);
        // The same gift sent twice with one Idempotency-Key is one gift.
        String body = ApiClient.json(Map.of("kind", "GIFTS", "on", today().toString(), "quantity", 20, "value", 10_000_000));
        String key = UUID.randomUUID().toString();
        api.postJson("/api/v1/twinnings/" + id + "/contributions", approver, body, Map.of("Idempotency-Key", key));
        api.postJson("/api/v1/twinnings/" + id + "/contributions", approver, body, Map.of("Idempotency-Key", key));
        assertThat(api.get("/api/v1/twinnings/" + id + "/contributions", approver).json()).hasSize(1);
    }
}
