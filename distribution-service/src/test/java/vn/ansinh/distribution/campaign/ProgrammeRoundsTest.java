package vn.ansinh.distribution.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.donation.ReservationAnswered;
import vn.ansinh.events.registry.HouseholdDeactivated;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.distribution.DistributionServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Support as Cầu Kho paid it under the city's resolution: by the kind of each person (lottery-ticket
 * sellers, workers who lost income), in numbered rounds where each round pays the previous round's list
 * again with its additions and removals, once per household per round.
 */
class ProgrammeRoundsTest extends DistributionServiceTest {

    private static final String THI_TRAN = "27496";

    @BeforeAll
    static void fund() {
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_OPENED, "fund-nq09", 0,
                new FundOpened("fund-nq09", "Quỹ hỗ trợ theo Nghị quyết 09", CU_CHI, "Hỗ trợ người lao động"));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    HouseholdReplica replica;

    final String district = TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER");
    final String thiTran = TestTokens.bearer(THI_TRAN, "OFFICER");

    @Test
    void eachPersonIsPaidByTheirKindAndEveryRoundPaysThePreviousListAgainOncePerHousehold() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById("fund-nq09", org.bson.Document.class, "fund_replica") != null);
        String sellerAndWorker = household(List.of(List.of("LOTTERY_SELLER"), List.of("LOST_INCOME_WORKER"), List.of()));
        String worker = household(List.of(List.of("LOST_INCOME_WORKER", "LOTTERY_SELLER"), List.of("CHILD")));
        String leaving = household(List.of(List.of("LOST_INCOME_WORKER")));
        String takenOff = household(List.of(List.of("LOTTERY_SELLER")));
        String nobodyEligible = household(List.of(List.of(), List.of("CHILD")));

        ApiClient.Response created = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of(
                "name", "Hỗ trợ theo Nghị quyết 09", "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(THI_TRAN),
                "eligibility", Map.of("categories", List.of("LOST_INCOME_WORKER")),
                "benefit", Map.of("cash", Map.of("fundId", "fund-nq09"), "per", "PERSON",
                        "byKind", List.of(Map.of("kind", "LOTTERY_SELLER", "amount", 1_500_000),
                                Map.of("kind", "LOST_INCOME_WORKER", "amount", 1_000_000))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String first = created.json().get("id").asString();
        assertThat(created.json().get("round").asInt()).isEqualTo(1);
        assertThat(created.json().get("programmeId").asString()).isEqualTo(first);

        JsonNode generated = api.postJson("/api/v1/campaigns/" + first + "/entitlements/generate", district, "{}").json();
        assertThat(generated.get("added").asLong()).isEqualTo(4);
        assertThat(generated.get("nothingToReceive").asLong()).as("a household with nobody of a paid kind").isEqualTo(1);
        assertThat(onList(first)).doesNotContain(nobodyEligible);
        ApiClient.Response addNobody = api.postJson("/api/v1/campaigns/" + first + "/entitlements/add", thiTran,
                ApiClient.json(Map.of("householdId", nobodyEligible, "reason", "Gia đình khó khăn")));
        assertThat(addNobody.status()).isEqualTo(422);
        assertThat(addNobody.json().get("code").asString()).isEqualTo("nothing-to-receive");
        api.postJson("/api/v1/campaigns/" + first + "/entitlements/remove", thiTran,
                ApiClient.json(Map.of("householdId", takenOff, "reason", "Đã nhận hỗ trợ nơi làm việc")));
        assertThat(api.postJson("/api/v1/campaigns/" + first + "/rounds", district, "{}").json().get("code").asString())
                .as("a round follows only a round that went ahead").isEqualTo("round.previous-not-approved");

        activate(first);
        // 1,500,000 + 1,000,000 for the first family, 1,500,000 for the seller who also lost work (paid once), 1,000,000.
        assertThat(eventOf(first, EventTypes.CAMPAIGN_RESERVATION_REQUESTED).payload()).contains("\"amount\":5000000");
        JsonNode approved = JsonMapper.builder().build().readTree(eventOf(first, EventTypes.CAMPAIGN_APPROVED).payload());
        assertThat(approved.get("approvedPersons").asLong()).isEqualTo(4);
        assertThat(approved.get("round").asInt()).isEqualTo(1);
        assertThat(deliver(first, sellerAndWorker).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventOf(first, EventTypes.DELIVERY_RECORDED))
                .satisfies(e -> assertThat(e.payload()).contains("\"amount\":2500000").contains("\"persons\":2")));

        // Between the rounds one family leaves the ward, and a new one is registered.
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_DEACTIVATED, leaving, 1,
                new HouseholdDeactivated(leaving, THI_TRAN, "MOVED_AWAY", LocalDate.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(leaving).map(h -> !h.active()).orElse(false));
        String newcomer = household(List.of(List.of("LOST_INCOME_WORKER")));
        assertThat(api.postJson("/api/v1/campaigns/" + first + "/rounds", thiTran, "{}").status())
                .as("the commune does not open the district's rounds").isEqualTo(403);
        assertThat(api.postJson("/api/v1/campaigns/" + first + "/rounds", district,
                ApiClient.json(Map.of("startsOn", "2026-12-10", "endsOn", "2026-12-01"))).status()).isEqualTo(400);

        ApiClient.Response opened = api.postJson("/api/v1/campaigns/" + first + "/rounds", district, "{}");

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String second = opened.json().get("id").asString();
        assertThat(opened.json().get("name").asString()).isEqualTo("Hỗ trợ theo Nghị quyết 09 – đợt 2");
        assertThat(opened.json().get("round").asInt()).isEqualTo(2);
        assertThat(opened.json().get("programmeId").asString()).isEqualTo(first);
        assertThat(opened.json().get("state").asString()).isEqualTo("DRAFT");
        assertThat(api.postJson("/api/v1/campaigns/" + first + "/rounds", district, "{}").json().get("code").asString())
                .isEqualTo("round.already-opened");
        assertThat(onList(second)).as("the first round's list, less the family that left")
                .containsExactlyInAnyOrder(sellerAndWorker, worker);
        assertThat(lastReason(second, leaving)).contains("không còn trong sổ sau đợt 1");
        assertThat(lastReason(second, takenOff)).isEqualTo("Đã đưa ra khỏi danh sách đợt 1: Đã nhận hỗ trợ nơi làm việc");

        JsonNode regenerated = api.postJson("/api/v1/campaigns/" + second + "/entitlements/generate", district, "{}").json();
        assertThat(regenerated.get("added").asLong()).as("the newcomer; the carried list is no overlap with its own programme")
                .isEqualTo(1);
        assertThat(onList(second)).containsExactlyInAnyOrder(sellerAndWorker, worker, newcomer).doesNotContain(takenOff);
        activate(second);

        assertThat(deliver(second, sellerAndWorker).status()).as("paid again in the next round").isEqualTo(201);
        assertThat(deliver(second, sellerAndWorker).status()).as("but once per round").isEqualTo(409);
        JsonNode rounds = api.get("/api/v1/campaigns/" + second + "/rounds", district).json();
        List<Integer> numbers = new ArrayList<>();
        rounds.forEach(round -> numbers.add(round.get("round").asInt()));
        assertThat(numbers).containsExactly(1, 2);
        assertThat(rounds.get(1).get("previousRoundId").asString()).isEqualTo(first);
        assertThat(rounds.get(1).get("approvedPersons").asLong()).isEqualTo(4);
    }

    @Test
    void aTableNamingGoodsTheBenefitDoesNotGiveIsRefusedAndNothingIsStored() {
        long before = mongo.count(new Query(), Campaign.class);
        ApiClient.Response refused = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of(
                "name", "Quà theo đối tượng", "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(THI_TRAN),
                "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 0)),
                        "byKind", List.of(Map.of("kind", "POOR", "items", List.of(Map.of("item", "Dầu ăn", "quantity", 1))))))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("benefit.byKind.items.item");
        assertThat(mongo.count(new Query(), Campaign.class)).isEqualTo(before);
    }

    /**
     * Plays the registry: a household of Thị trấn Củ Chi hit by the lockdown whose members are of these
     * kinds (a category no other test's households have, so that the list is this test's alone).
     */
    private String household(List<List<String>> memberKinds) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0, new HouseholdRegistered(id, THI_TRAN,
                List.of("LOST_INCOME_WORKER"), "NONE", memberKinds.size(), Instant.now(), null, memberKinds));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(id).isPresent());
        return id;
    }

    private void activate(String campaignId) {
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/submit", thiTran,
                ApiClient.json(Map.of("unitCode", THI_TRAN))).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}").status()).isEqualTo(200);
        TestEvents.publish(Topics.RESERVATIONS.name(), EventTypes.RESERVATION_CONFIRMED, campaignId, 0,
                new ReservationAnswered(campaignId, null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(
                api.get("/api/v1/campaigns/" + campaignId, district).json().get("state").asString()));
    }

    private ApiClient.Response deliver(String campaignId, String householdId) {
        return api.postJson("/api/v1/deliveries", thiTran, ApiClient.json(Map.of("id", "dev-" + UUID.randomUUID(),
                "entitlementId", Entitlement.idOf(campaignId, householdId), "deliveredAt", Instant.now().minusSeconds(60).toString(),
                "deliveredBy", "Cán bộ Lao động – Thương binh và Xã hội")));
    }

    private List<String> onList(String campaignId) {
        return mongo.find(Query.query(Criteria.where("campaignId").is(campaignId).and("included").is(true)), Entitlement.class)
                .stream().map(Entitlement::getHouseholdId).toList();
    }

    private String lastReason(String campaignId, String householdId) {
        List<Entitlement.Change> changes = mongo.findById(Entitlement.idOf(campaignId, householdId), Entitlement.class).getChanges();
        return changes.get(changes.size() - 1).reason();
    }

    /** The campaign's first event of the type, once the outbox relay has published it. */
    private static PublishedEvents.Event eventOf(String campaignId, String type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> PublishedEvents.readAll(Topics.CAMPAIGNS.name()).stream()
                .filter(e -> campaignId.equals(e.key()) && e.type().equals(type)).findFirst(), java.util.Optional::isPresent).get();
    }
}
