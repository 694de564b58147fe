package vn.ansinh.distribution.housing;

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
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.distribution.DistributionServiceTest;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Great-solidarity houses in Củ Chi: approved, built, handed over and counted per commune and year as
 * "houses built or repaired for poor households"; one house under way per family, also when two approvers
 * approve at once; refusals that store nothing; no other office touches them.
 */
class HousesTest extends DistributionServiceTest {

    private static final String THI_TRAN = "27496";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    HouseholdReplica replica;

    final String approver = TestTokens.bearer(CU_CHI, "APPROVER");
    final String officer = TestTokens.bearer(CU_CHI, "OFFICER");
    final String womensUnion = TestTokens.bearerForOrganisation(CU_CHI, "HLHPN", "OFFICER");
    final String district1 = TestTokens.bearer(QUAN_1, "OFFICER", "APPROVER");

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private String household(String unit) {
        String id = "hh-house-" + UUID.randomUUID();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0, new HouseholdRegistered(id, unit,
                List.of("POOR"), "POOR", 4, Instant.now(), null, List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(id).isPresent());
        return id;
    }

    private Map<String, Object> house(String householdId, String kind, long estimatedCost) {
        return new HashMap<>(Map.of("officeUnitCode", CU_CHI, "householdId", householdId, "kind", kind, "programme", "Nhà Đại đoàn kết",
                "fundedBy", "Quỹ Vì người nghèo huyện Củ Chi", "estimatedCost", estimatedCost, "approvedOn",
                today().minusDays(20).toString()));
    }

    private ApiClient.Response approve(String token, Map<String, Object> body) {
        return api.postJson("/api/v1/houses", token, ApiClient.json(body));
    }

    private ApiClient.Response step(String id, String step, String token, Map<String, Object> body) {
        return api.postJson("/api/v1/houses/" + id + "/" + step, token, ApiClient.json(body));
    }

    private Map<String, JsonNode> rows(JsonNode counts) {
        Map<String, JsonNode> rows = new HashMap<>();
        counts.get("units").forEach(row -> rows.put(row.get("unitCode").asString(), row));
        return rows;
    }

    private long figure(JsonNode counts, String unit, String field) {
        JsonNode row = rows(counts).get(unit);
        return row == null ? 0 : row.get(field).asLong();
    }

    @Test
    void housesAreBuiltHandedOverAndCountedInTheirCommuneAndYear() {
        int year = today().getYear();
        JsonNode before = api.get("/api/v1/houses/counts?year=" + year, officer).json();
        String family = household(THI_TRAN);
        String another = household(TAN_THANH_DONG);

        ApiClient.Response approved = approve(approver, house(family, "BUILD", 50_000_000));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);
        String id = approved.json().get("id").asString();
        assertThat(approved.json().get("stage").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("unitCode").asString()).isEqualTo(THI_TRAN);
        ApiClient.Response second = approve(approver, house(family, "REPAIR", 10_000_000));
        assertThat(second.status()).as("one house under way per family").isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("house.already-under-way");

        assertThat(step(id, "start", officer, Map.of("on", today().minusDays(10).toString())).json().get("stage").asString())
                .isEqualTo("BUILDING");
        assertThat(step(id, "start", officer, Map.of("on", today().minusDays(10).toString())).status()).as("again: the same").isEqualTo(200);
        ApiClient.Response early = step(id, "hand-over", officer, Map.of("on", today().minusDays(30).toString(), "cost", 52_000_000));
        assertThat(early.status()).as("handed over before building began").isEqualTo(400);
        ApiClient.Response handedOver = step(id, "hand-over", officer, Map.of("on", today().toString(), "cost", 52_000_000));
        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(200);
        assertThat(handedOver.json().get("stage").asString()).isEqualTo("HANDED_OVER");
        assertThat(handedOver.json().get("cost").asLong()).isEqualTo(52_000_000);
        assertThat(step(id, "cancel", approver, Map.of("reason", "Nhầm")).status()).as("a house handed over stays").isEqualTo(409);

        // A repair done within the week: handed over without a recorded start.
        String repair = approve(approver, house(another, "REPAIR", 20_000_000)).json().get("id").asString();
        ApiClient.Response repaired = step(repair, "hand-over", officer, Map.of("on", today().toString(), "cost", 18_000_000));
        assertThat(repaired.json().get("startedOn").asString()).isEqualTo(today().toString());
        // The first family's house is finished: it may be approved another (a kitchen repair), which is under way.
        ApiClient.Response next = approve(approver, house(family, "REPAIR", 8_000_000));
        assertThat(next.status()).as(next.body()).isEqualTo(201);

        JsonNode after = api.get("/api/v1/houses/counts?year=" + year, officer).json();
        assertThat(after.get("unitCode").asString()).isEqualTo(CU_CHI);
        assertThat(figure(after, THI_TRAN, "built") - figure(before, THI_TRAN, "built")).isEqualTo(1);
        assertThat(figure(after, THI_TRAN, "underway") - figure(before, THI_TRAN, "underway")).isEqualTo(1);
        assertThat(figure(after, THI_TRAN, "cost") - figure(before, THI_TRAN, "cost")).isEqualTo(52_000_000);
        assertThat(figure(after, TAN_THANH_DONG, "repaired") - figure(before, TAN_THANH_DONG, "repaired")).isEqualTo(1);
        assertThat(after.at("/total/built").asLong() - before.at("/total/built").asLong()).isEqualTo(1);
        assertThat(after.at("/total/repaired").asLong() - before.at("/total/repaired").asLong()).isEqualTo(1);
        assertThat(after.at("/total/cost").asLong() - before.at("/total/cost").asLong()).isEqualTo(70_000_000);
        JsonNode lastYear = api.get("/api/v1/houses/counts?year=" + (year - 1) + "&unit=" + THI_TRAN, officer).json();
        assertThat(lastYear.at("/total/built").asLong()).as("nothing of this year counted in the last").isZero();

        // Cancelled by the office: no longer under way.
        String nextId = next.json().get("id").asString();
        assertThat(step(nextId, "cancel", officer, Map.of("reason", "Gia đình chuyển đi")).status()).as("approvers cancel").isEqualTo(403);
        assertThat(step(nextId, "cancel", approver, Map.of("reason", "Gia đình chuyển đi")).json().get("stage").asString())
                .isEqualTo("CANCELLED");
        JsonNode ofFamily = api.get("/api/v1/houses?householdId=" + family, officer).json();
        assertThat(ofFamily.get("totalElements").asLong()).isEqualTo(2);

        // Reports learn each step of each house, in order, with its commune and cost, never whose it is.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<PublishedEvents.Event> told = PublishedEvents.readAll(Topics.CAMPAIGNS.name()).stream()
                    .filter(e -> EventTypes.HOUSE_UPDATED.equals(e.type()) && id.equals(e.subject())).toList();
            assertThat(told).extracting(e -> JSON.readTree(e.payload()).get("stage").asString())
                    .as("approved, building, handed over; the repeated start told nothing").containsExactly("APPROVED", "BUILDING", "HANDED_OVER");
            JsonNode handed = JSON.readTree(told.get(2).payload());
            assertThat(handed.get("unitCode").asString()).isEqualTo(THI_TRAN);
            assertThat(handed.get("cost").asLong()).isEqualTo(52_000_000);
            assertThat(handed.get("handedOverOn").asString()).isEqualTo(today().toString());
            assertThat(told).allSatisfy(e -> assertThat(e.payload()).doesNotContain(family).doesNotContain("householdId"));
        });
    }

    @Test
    void badInputAnotherOfficesFamilyAndAnotherOfficeAreRefusedAndNothingIsStored() {
        String family = household(THI_TRAN);
        String elsewhere = household(CAU_KHO);
        long before = mongo.count(new Query(), House.class);
        Map<String, Object> noKind = house(family, "BUILD", 1);
        noKind.remove("kind");
        Map<String, Object> tomorrow = house(family, "BUILD", 1);
        tomorrow.put("approvedOn", today().plusDays(1).toString());
        for (Map<String, Object> bad : List.of(noKind, house(family, "BUILD", -1), house(family, "PALACE", 1), tomorrow)) {
            ApiClient.Response refused = approve(approver, bad);
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(approve(approver, house(elsewhere, "BUILD", 1)).status()).as("District 1's family, unknown to Củ Chi").isEqualTo(404);
        assertThat(approve(officer, house(family, "BUILD", 1)).status()).as("an officer does not approve").isEqualTo(403);
        assertThat(mongo.count(new Query(), House.class)).isEqualTo(before);

        String id = approve(approver, house(family, "BUILD", 45_000_000)).json().get("id").asString();
        assertThat(api.get("/api/v1/houses/" + id, district1).status()).isEqualTo(404);
        assertThat(step(id, "start", district1, Map.of("on", today().toString())).status()).isEqualTo(404);
        assertThat(step(id, "start", womensUnion, Map.of("on", today().toString())).status()).as("the district's own house").isEqualTo(403);
        assertThat(step(id, "start", officer, Map.of("on", today().plusDays(1).toString())).status()).isEqualTo(400);
        assertThat(mongo.findById(id, House.class).getStage()).isEqualTo(House.Stage.APPROVED);
    }

    @Test
    void aFamilyRegisteredTwiceAndMergedHasOneHouseUnderWayAndItsHousesUnderTheKeptEntry() {
        String kept = household(THI_TRAN);
        String duplicate = household(THI_TRAN);
        String house = approve(approver, house(duplicate, "BUILD", 40_000_000)).json().get("id").asString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MERGED, duplicate, 1,
                new vn.ansinh.events.registry.HouseholdMerged(duplicate, THI_TRAN, kept, THI_TRAN));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(kept).map(HouseholdReplica.Household::mergedFrom)
                .orElse(List.of()).contains(duplicate));
        ApiClient.Response second = approve(approver, house(kept, "BUILD", 40_000_000));
        assertThat(second.status()).as("the family's house is already under way, under its other entry").isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("house.already-under-way");
        JsonNode ofFamily = api.get("/api/v1/houses?householdId=" + kept, officer).json();
        assertThat(ofFamily.at("/content/0/id").asString()).isEqualTo(house);
        // Handed over, the family may be approved a repair later, on the entry that was kept.
        step(house, "hand-over", officer, Map.of("on", today().toString(), "cost", 41_000_000));
        assertThat(approve(approver, house(kept, "REPAIR", 5_000_000)).status()).isEqualTo(201);
    }

    @Test
    void twoApproversApprovingOneFamilysHouseAtOnceMakeOneHouse() {
        String family = household(THI_TRAN);
        CompletableFuture<ApiClient.Response> first = CompletableFuture.supplyAsync(() -> approve(approver, house(family, "BUILD", 1)));
        CompletableFuture<ApiClient.Response> second = CompletableFuture.supplyAsync(() -> approve(approver, house(family, "BUILD", 1)));
        List<Integer> statuses = List.of(first.join().status(), second.join().status());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(mongo.count(Query.query(Criteria.where("householdId").is(family)), House.class)).isEqualTo(1);
        // The same request retried with its Idempotency-Key answers the house it made.
        String other = household(THI_TRAN);
        String key = UUID.randomUUID().toString();
        String body = ApiClient.json(house(other, "REPAIR", 5_000_000));
        ApiClient.Response once = api.postJson("/api/v1/houses", approver, body, Map.of("Idempotency-Key", key));
        ApiClient.Response again = api.postJson("/api/v1/houses", approver, body, Map.of("Idempotency-Key", key));
        assertThat(again.json().get("id").asString()).isEqualTo(once.json().get("id").asString());
        assertThat(mongo.count(Query.query(Criteria.where("householdId").is(other)), House.class)).isEqualTo(1);
    }
}
