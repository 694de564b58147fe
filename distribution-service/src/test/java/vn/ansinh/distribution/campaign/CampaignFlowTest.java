package vn.ansinh.distribution.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import vn.ansinh.events.registry.HouseholdMerged;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.distribution.DistributionServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * A Củ Chi relief round for two communes: list generated and edited with reasons, submitted commune
 * by commune, approved as a whole, reserved (this test plays donation-service), delivered — with
 * concurrent attempts for one household, a resent offline record, and two duplicate households
 * merged mid-campaign — then closed. Plus a campaign rejected for lack of funds and one whose
 * reservation is never answered.
 */
class CampaignFlowTest extends DistributionServiceTest {

    @BeforeAll
    static void funds() {
        // Plays donation-service opening the funds the campaigns pay from.
        FUNDS.forEach((fundId, office) -> TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_OPENED, fundId, 0,
                new FundOpened(fundId, "Quỹ " + fundId, office, "Hỗ trợ hộ nghèo")));
    }

    private static final Map<String, String> FUNDS = Map.of("fund-cu-chi", "783", "fund-x", "783", "fund-quan-1", "760",
            "fund-tan-thanh-dong", "27547");

    @BeforeEach
    void fundsKnown() {
        await().atMost(Duration.ofSeconds(20)).until(() -> FUNDS.keySet().stream()
                .allMatch(fundId -> mongo.findById(fundId, org.bson.Document.class, "fund_replica") != null));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    vn.ansinh.platform.events.OutboxRelay relay;
    @Autowired
    HouseholdReplica replica;

    final String district = TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER");
    final String tanThanhDong = TestTokens.bearer(TAN_THANH_DONG, "OFFICER");
    final String thiTran = TestTokens.bearer("27496", "OFFICER");

    @Test
    void aReliefRoundFromListToCloseServesEachHouseholdOnce() throws Exception {
        List<String> inTanThanhDong = households(TAN_THANH_DONG, "POOR", 6);
        List<String> inThiTran = households("27496", "POOR", 4);
        households(TAN_THANH_DONG, "NONE", 2);
        String campaignId = createCampaign("Hỗ trợ giãn cách đợt 3");

        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}").json()
                .get("added").asLong()).isEqualTo(10);
        String removed = inTanThanhDong.get(5);
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/remove", tanThanhDong,
                ApiClient.json(Map.of("householdId", removed, "reason", "Đã chuyển đi nơi khác"))).json().get("included")
                .asBoolean()).isFalse();
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}").status())
                .as("not before every commune has submitted").isEqualTo(409);
        assertThat(submit(campaignId, thiTran, TAN_THANH_DONG)).as("a commune submits only its own part").isEqualTo(403);
        assertThat(submit(campaignId, tanThanhDong, TAN_THANH_DONG)).isEqualTo(200);
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/add", tanThanhDong,
                ApiClient.json(Map.of("householdId", removed, "reason", "Đã quay về"))).status()).isEqualTo(409);
        assertThat(submit(campaignId, thiTran, "27496")).isEqualTo(200);
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/approve", tanThanhDong, "{}").status()).isEqualTo(403);

        JsonNode approving = api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}").json();

        assertThat(approving.get("state").asString()).isEqualTo("APPROVING");
        assertThat(approving.get("approvedHouseholds").asLong()).isEqualTo(9);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .extracting(PublishedEvents.Event::type).startsWith(EventTypes.CAMPAIGN_APPROVED,
                        EventTypes.CAMPAIGN_RESERVATION_REQUESTED));
        // Reports learn the list's size by commune, never who is on it.
        JsonNode approved = JsonMapper.builder().build().readTree(campaignEvents(campaignId).get(0).payload());
        long listed = 0;
        for (JsonNode count : approved.get("approvedHouseholdsByCommune")) {
            listed += count.asLong();
        }
        assertThat(listed).isEqualTo(9);
        assertThat(approved.get("approvedHouseholdsByCommune").propertyNames()).containsOnly("27547", "27496");
        assertThat(campaignEvents(campaignId).get(1).payload()).contains("\"amount\":13500000").contains("\"quantityThousandths\":90000");
        answer(campaignId, true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(campaignId)));

        String first = Entitlement.idOf(campaignId, inTanThanhDong.get(0));
        assertThat(deliver(tanThanhDong, "dev1-" + UUID.randomUUID(), first).status()).isEqualTo(201);
        String resentId = "dev1-" + UUID.randomUUID();
        String second = Entitlement.idOf(campaignId, inTanThanhDong.get(1));
        assertThat(deliver(tanThanhDong, resentId, second).status()).isEqualTo(201);
        assertThat(deliver(tanThanhDong, resentId, second).status()).as("the device sent it again").isEqualTo(200);
        assertThat(deliver(thiTran, resentId, second).status()).as("another commune learns nothing of it").isEqualTo(403);
        assertThat(deliver(tanThanhDong, "dev1-" + UUID.randomUUID(), Entitlement.idOf(campaignId, inThiTran.get(0))).status())
                .as("a commune delivers only in its own commune").isEqualTo(403);

        String contested = Entitlement.idOf(campaignId, inTanThanhDong.get(2));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int staff = 0; staff < 5; staff++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return deliver(tanThanhDong, "dev-" + UUID.randomUUID(), contested).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);

        // Two entries of the list turn out to be one family, merged in the registry mid-campaign.
        String kept = inTanThanhDong.get(3);
        String duplicate = inTanThanhDong.get(4);
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MERGED, duplicate, 1,
                new HouseholdMerged(duplicate, TAN_THANH_DONG, kept, TAN_THANH_DONG));
        await().atMost(Duration.ofSeconds(10)).until(() -> kept.equals(replica.find(duplicate).map(HouseholdReplica.Household::mergedInto).orElse(null)));
        assertThat(deliver(tanThanhDong, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, kept)).status()).isEqualTo(201);
        ApiClient.Response twice = deliver(tanThanhDong, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, duplicate));
        assertThat(twice.status()).as("the merged duplicate was served through the kept household").isEqualTo(409);
        assertThat(twice.json().get("code").asString()).isEqualTo("already-delivered");

        JsonNode progress = api.get("/api/v1/campaigns/" + campaignId + "/progress", district).json();
        assertThat(progress.get("approved").asLong()).as("9 entries, two of them one family").isEqualTo(8);
        assertThat(progress.get("delivered").asLong()).isEqualTo(4);
        assertThat(progress.get("pending").asLong()).isEqualTo(4);
        assertThat(progress.get("byUnit").get(0).get("delivered").asLong()).isEqualTo(4);
        assertThat(progress.get("byUnit").get(1).get("coveragePercent").asDouble()).isZero();
        JsonNode pending = api.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", district).json();
        List<String> notReached = new ArrayList<>();
        pending.forEach(entitlement -> notReached.add(entitlement.get("householdId").asString()));
        assertThat(notReached).containsExactlyInAnyOrderElementsOf(inThiTran);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", tanThanhDong).json())
                .as("Tân Thạnh Đông sees its own part only: all of it reached").isEmpty();
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", thiTran).json()).hasSize(4);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending?unit=27496", tanThanhDong).status())
                .as("not another commune's part").isEqualTo(403);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .filteredOn(e -> e.type().equals(EventTypes.DELIVERY_RECORDED)).hasSize(4));
        // Reports learn that the approved list now counts the family once, even if the merge comes again.
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MERGED, duplicate, 1,
                new HouseholdMerged(duplicate, TAN_THANH_DONG, kept, TAN_THANH_DONG));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .filteredOn(e -> e.type().equals(EventTypes.CAMPAIGN_LIST_MERGED)).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains(duplicate).contains(kept).contains(TAN_THANH_DONG)));

        JsonNode closed = api.postJson("/api/v1/campaigns/" + campaignId + "/close", district,
                ApiClient.json(Map.of("reason", "Hết thời gian giãn cách"))).json();
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(deliver(tanThanhDong, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, inTanThanhDong.get(0)))
                .status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .extracting(PublishedEvents.Event::type).contains(EventTypes.CAMPAIGN_CLOSED));
        assertThat(campaignEvents(campaignId)).filteredOn(e -> e.type().equals(EventTypes.CAMPAIGN_CLOSED)).singleElement()
                .satisfies(e -> assertThat(e.payload()).as("donation-service waits for the 4 deliveries before giving back the rest")
                        .contains("\"deliveriesRecorded\":4").contains("\"deliveriesReverted\":0"));
    }

    @Test
    void aCampaignDonationServiceCannotFundIsRejectedWithTheReasonAndAnUnansweredOneTimesOut() {
        households("27496", "POOR", 2);
        String refused = readyToApprove("Quà Tết cho hộ nghèo");
        String unanswered = readyToApprove("Hỗ trợ lũ lụt");

        api.postJson("/api/v1/campaigns/" + refused + "/approve", district, "{}");
        api.postJson("/api/v1/campaigns/" + unanswered + "/approve", district, "{}");
        answer(refused, false, "insufficient-funds");

        await().atMost(Duration.ofSeconds(10)).until(() -> "REJECTED".equals(state(refused)));
        assertThat(api.get("/api/v1/campaigns/" + refused, district).json().get("rejectionReason").asString())
                .isEqualTo("insufficient-funds");
        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(state(unanswered)));
        assertThat(api.get("/api/v1/campaigns/" + unanswered, district).json().get("rejectionReason").asString())
                .isEqualTo("reservation-timeout");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(unanswered))
                .extracting(PublishedEvents.Event::type).containsExactly(EventTypes.CAMPAIGN_APPROVED,
                        EventTypes.CAMPAIGN_RESERVATION_REQUESTED, EventTypes.CAMPAIGN_CLOSED));
    }

    @Test
    void aDeliveryRecordedByMistakeIsRevertedWithAReasonAndTheHouseholdCanBeServedAgain() {
        List<String> household = households("27496", "POOR", 1);
        String campaignId = active("Hỗ trợ đột xuất");
        String entitlement = Entitlement.idOf(campaignId, household.get(0));
        String deliveryId = deliver(thiTran, "dev-" + UUID.randomUUID(), entitlement).json().get("id").asString();

        assertThat(api.postJson("/api/v1/deliveries/" + deliveryId + "/revert", thiTran, "{}").status()).isEqualTo(400);
        assertThat(api.postJson("/api/v1/deliveries/" + deliveryId + "/revert", tanThanhDong,
                ApiClient.json(Map.of("reason", "Ghi nhầm hộ"))).status()).as("another commune's delivery").isEqualTo(404);
        assertThat(api.postJson("/api/v1/deliveries/" + deliveryId + "/revert", thiTran,
                ApiClient.json(Map.of("reason", "Ghi nhầm hộ"))).status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/deliveries/" + deliveryId + "/revert", thiTran,
                ApiClient.json(Map.of("reason", "Ghi nhầm hộ"))).status()).isEqualTo(409);

        assertThat(deliver(thiTran, "dev-" + UUID.randomUUID(), entitlement).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .extracting(PublishedEvents.Event::type).containsSubsequence(EventTypes.DELIVERY_RECORDED,
                        EventTypes.DELIVERY_REVERTED, EventTypes.DELIVERY_RECORDED));
        api.postJson("/api/v1/campaigns/" + campaignId + "/close", district, ApiClient.json(Map.of("reason", "Xong")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .filteredOn(e -> e.type().equals(EventTypes.CAMPAIGN_CLOSED)).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains("\"deliveriesRecorded\":2").contains("\"deliveriesReverted\":1")));
    }

    @Test
    void aCloseCountsExactlyTheDeliveriesRecordedBeforeItWhileFieldStaffKeepDelivering() throws Exception {
        List<String> poor = households("27496", "POOR", 24);
        String campaignId = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "Gạo giãn cách",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"), "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("items", List.of(Map.of("item", "Gạo đóng gói", "unit", "kg", "quantityPerHousehold", 10))),
                "allowOverlap", true))).json().get("id").asString();
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}");
        assertThat(submit(campaignId, thiTran, "27496")).isEqualTo(200);
        api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}");
        answer(campaignId, true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(campaignId)));

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> deliveries = new ArrayList<>();
        for (String household : poor) {
            deliveries.add(CompletableFuture.supplyAsync(() -> {
                awaitLatch(start);
                return deliver(thiTran, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, household)).status();
            }));
        }
        CompletableFuture<Integer> close = CompletableFuture.supplyAsync(() -> {
            awaitLatch(start);
            return api.postJson("/api/v1/campaigns/" + campaignId + "/close", district,
                    ApiClient.json(Map.of("reason", "Hết giãn cách"))).status();
        });
        start.countDown();
        long recorded = 0;
        for (CompletableFuture<Integer> delivery : deliveries) {
            int status = delivery.get();
            assertThat(status).isIn(201, 409);
            recorded += status == 201 ? 1 : 0;
        }
        assertThat(close.get()).isEqualTo(200);

        long deliveriesBeforeClose = recorded;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .filteredOn(e -> e.type().equals(EventTypes.CAMPAIGN_CLOSED)).singleElement()
                .satisfies(e -> assertThat(e.payload()).as("every delivery accepted was recorded before the close, and counted")
                        .contains("\"deliveriesRecorded\":" + deliveriesBeforeClose)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaignEvents(campaignId))
                .filteredOn(e -> e.type().equals(EventTypes.DELIVERY_RECORDED)).hasSize((int) deliveriesBeforeClose));
    }

    @Test
    void aFamilyWhoseDuplicateEntryWasServedBeforeTheMergeIsNotServedAgain() {
        List<String> family = households("27496", "POOR", 2);
        String campaignId = active("Hỗ trợ sau sáp nhập hộ trùng");
        String kept = family.get(0);
        String duplicate = family.get(1);
        assertThat(deliver(thiTran, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, duplicate)).status()).isEqualTo(201);

        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MERGED, duplicate, 1,
                new HouseholdMerged(duplicate, "27496", kept, "27496"));
        await().atMost(Duration.ofSeconds(10)).until(() -> kept.equals(replica.find(duplicate).map(HouseholdReplica.Household::mergedInto).orElse(null)));

        ApiClient.Response again = deliver(thiTran, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, kept));
        assertThat(again.status()).as("the family was served through its other entry").isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("already-delivered");
    }

    @Test
    void aCampaignPaysOnlyOutOfItsOwnAreasFundsAndStockAndNamesEachItemOnce() {
        long campaignsBefore = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Campaign.class);
        Map<String, Map<String, Object>> refusals = Map.of(
                "fund-not-usable", Map.of("cash", Map.of("fundId", "fund-quan-1", "amountPerHousehold", 500_000)),
                "unknown-fund", Map.of("cash", Map.of("fundId", "fund-nobody-opened", "amountPerHousehold", 500_000)),
                "stock-not-usable", Map.of("items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 10,
                        "stockOfficeUnitCode", QUAN_1))),
                "duplicate-benefit-item", Map.of("items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 10),
                        Map.of("item", "gạo ", "unit", "kg", "quantityPerHousehold", 5))));
        refusals.forEach((code, benefit) -> {
            ApiClient.Response refused = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "Không hợp lệ",
                    "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"), "eligibility", Map.of(), "benefit", benefit)));
            assertThat(refused.status()).as(code).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo(code);
        });
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Campaign.class)).isEqualTo(campaignsBefore);

        ApiClient.Response communesFund = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "Quỹ xã",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(TAN_THANH_DONG), "eligibility", Map.of(),
                "benefit", Map.of("cash", Map.of("fundId", "fund-tan-thanh-dong", "amountPerHousehold", 500_000)))));
        assertThat(communesFund.status()).as("a district may pay out of a fund of a commune below it").isEqualTo(201);
        ApiClient.Response districtsFund = api.postJson("/api/v1/campaigns", tanThanhDong, ApiClient.json(Map.of("name", "Quỹ huyện",
                "officeUnitCode", TAN_THANH_DONG, "targetUnitCodes", List.of(TAN_THANH_DONG), "eligibility", Map.of(),
                "benefit", Map.of("cash", Map.of("fundId", "fund-cu-chi", "amountPerHousehold", 500_000)))));
        assertThat(districtsFund.status()).as("a commune may not pay out of its district's fund").isEqualTo(422);
    }

    @Test
    void theListsAnOfficeWorksFromAreScopedToItsArea() {
        String category = "ORPHAN";
        List<String> tanThanhDongOrphans = households(TAN_THANH_DONG, category, 2);
        List<String> thiTranOrphans = households("27496", category, 2);
        String campaignId = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "Quà cho trẻ mồ côi",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(TAN_THANH_DONG, "27496"),
                "eligibility", Map.of("categories", List.of(category)), "allowOverlap", true,
                "benefit", Map.of("cash", Map.of("fundId", "fund-cu-chi", "amountPerHousehold", 700_000))))).json().get("id").asString();
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}");

        assertThat(ids(api.get("/api/v1/campaigns?state=DRAFT&size=2000", thiTran).json(), "id"))
                .as("a commune sees the district's campaign it takes part in").contains(campaignId);
        assertThat(ids(api.get("/api/v1/campaigns?size=2000", TestTokens.bearer(QUAN_1, "OFFICER")).json(), "id"))
                .doesNotContain(campaignId);
        assertThat(api.get("/api/v1/campaigns?unit=" + QUAN_1, thiTran).status()).isEqualTo(403);
        assertThat(ids(api.get("/api/v1/campaigns/" + campaignId + "/entitlements", district).json(), "householdId"))
                .containsExactlyInAnyOrderElementsOf(concat(tanThanhDongOrphans, thiTranOrphans));
        assertThat(ids(api.get("/api/v1/campaigns/" + campaignId + "/entitlements", thiTran).json(), "householdId"))
                .as("Thị trấn checks its own part only").containsExactlyInAnyOrderElementsOf(thiTranOrphans);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/entitlements?unit=" + TAN_THANH_DONG, thiTran).status()).isEqualTo(403);
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/remove", thiTran,
                ApiClient.json(Map.of("householdId", thiTranOrphans.get(1), "reason", "Đã có người nhận nuôi")));
        JsonNode removed = api.get("/api/v1/campaigns/" + campaignId + "/entitlements?state=REMOVED", thiTran).json();
        assertThat(ids(removed, "householdId")).containsExactly(thiTranOrphans.get(1));
        assertThat(removed.get("content").get(0).get("changes").toString()).contains("Đã có người nhận nuôi");

        assertThat(submit(campaignId, tanThanhDong, TAN_THANH_DONG)).isEqualTo(200);
        assertThat(submit(campaignId, thiTran, "27496")).isEqualTo(200);
        api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}");
        answer(campaignId, true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(campaignId)));
        String deliveryId = deliver(tanThanhDong, "dev-" + UUID.randomUUID(),
                Entitlement.idOf(campaignId, tanThanhDongOrphans.get(0))).json().get("id").asString();

        assertThat(ids(api.get("/api/v1/campaigns/" + campaignId + "/entitlements?state=PENDING", district).json(), "householdId"))
                .containsExactlyInAnyOrder(tanThanhDongOrphans.get(1), thiTranOrphans.get(0));
        assertThat(ids(api.get("/api/v1/campaigns/" + campaignId + "/entitlements?state=DELIVERED", district).json(), "householdId"))
                .containsExactly(tanThanhDongOrphans.get(0));
        assertThat(ids(api.get("/api/v1/campaigns/" + campaignId + "/deliveries", tanThanhDong).json(), "id")).containsExactly(deliveryId);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/deliveries", thiTran).json().get("totalElements").asLong()).isZero();
        JsonNode delivery = api.get("/api/v1/deliveries/" + deliveryId, tanThanhDong).json();
        assertThat(delivery.get("recordedBy").asString()).isEqualTo("test-client-" + TAN_THANH_DONG);
        assertThat(api.get("/api/v1/deliveries/" + deliveryId, thiTran).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/entitlements?state=MAYBE", district).status()).isEqualTo(400);
    }

    @Autowired
    vn.ansinh.distribution.delivery.DeliveryService deliveries;

    /**
     * An instance claimed the household for a delivery and was killed before saving it: the field
     * device sends the same delivery again (to any instance) and it is recorded, while another device's
     * delivery for the household is still refused.
     */
    @Test
    void aDeliveryRetriedAfterItsInstanceDiedMidWayIsRecordedOnce() {
        List<String> household = households("27496", "POOR", 1);
        String campaignId = active("Hỗ trợ sau sự cố");
        String deliveryId = "dev-" + UUID.randomUUID();
        mongo.insert(new org.bson.Document("_id", campaignId + ":" + household.get(0)).append("deliveryId", deliveryId)
                .append("campaignId", campaignId).append("unitCode", "27496").append("confirmed", false)
                .append("at", new java.util.Date()), "delivery_claims");

        ApiClient.Response retried = deliver(thiTran, deliveryId, Entitlement.idOf(campaignId, household.get(0)));
        ApiClient.Response another = deliver(thiTran, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, household.get(0)));
        ApiClient.Response again = deliver(thiTran, deliveryId, Entitlement.idOf(campaignId, household.get(0)));

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.json().get("code").asString()).isEqualTo("already-delivered");
        assertThat(again.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/progress", district).json().get("delivered").asLong()).isEqualTo(1);
    }

    /** The Idempotency-Key's record dropped as abandoned (its instance died before answering): the retry finds the campaign. */
    @Test
    void aCampaignCreatedAgainAfterItsInstanceDiedIsCreatedOnce() {
        String name = "Gạo sau lũ " + UUID.randomUUID();
        String body = ApiClient.json(Map.of("name", name, "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"),
                "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 10)))));
        Map<String, String> key = Map.of("Idempotency-Key", "flood-rice-" + name.hashCode());

        ApiClient.Response first = api.postJson("/api/v1/campaigns", district, body, key);
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "idempotency_keys");
        ApiClient.Response retry = api.postJson("/api/v1/campaigns", district, body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("name").is(name)), Campaign.class)).isEqualTo(1);
    }

    @Test
    void theOrphanClaimSweepReleasesOnlyUnconfirmedClaimsAndReadsNoOthers() {
        java.util.Date old = java.util.Date.from(Instant.now().minus(Duration.ofMinutes(10)));
        String campaign = "sweep-" + UUID.randomUUID();
        // A crash between claim and delivery left this one; the other belongs to a delivery that was saved.
        mongo.insert(new org.bson.Document("_id", campaign + ":orphan").append("deliveryId", "never-saved").append("campaignId", campaign)
                .append("confirmed", false).append("at", old), "delivery_claims");
        mongo.insert(new org.bson.Document("_id", campaign + ":served").append("deliveryId", "saved-elsewhere").append("campaignId", campaign)
                .append("confirmed", true).append("at", old), "delivery_claims");

        deliveries.releaseOrphanClaims();

        assertThat(mongo.findById(campaign + ":orphan", org.bson.Document.class, "delivery_claims")).isNull();
        assertThat(mongo.findById(campaign + ":served", org.bson.Document.class, "delivery_claims"))
                .as("a confirmed claim is never read by the sweep").isNotNull();
    }

    private static List<String> ids(JsonNode page, String field) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }

    private static List<String> concat(List<String> one, List<String> other) {
        List<String> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aHouseholdDoesNotGetTheSameKindOfBenefitFromTwoOverlappingCampaignsUnlessAllowed() {
        List<String> family = households("27496", "POOR", 2);
        String first = active("Tiền hỗ trợ tháng 8");

        String secondCash = overlapping("Tiền hỗ trợ bổ sung tháng 8", false, true);
        String allowed = overlapping("Tiền hỗ trợ đặc biệt", true, true);
        String riceOnly = overlapping("Gạo cứu trợ", false, false);

        assertThat(onList(secondCash)).doesNotContainAnyElementsOf(family);
        assertThat(onList(allowed)).containsAll(family);
        assertThat(onList(riceOnly)).as("rice is not the same kind of benefit as cash").containsAll(family);
    }

    @Test
    void aCommuneCannotSubmitMoreHouseholdsThanItsQuota() {
        List<String> poor = households("27496", "POOR", 2);
        String campaignId = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "Gạo theo chỉ tiêu",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"), "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("items", List.of(Map.of("item", "Gạo chỉ tiêu", "unit", "kg", "quantityPerHousehold", 15))),
                "allowOverlap", true, "quotas", List.of(Map.of("unitCode", "27496", "maxHouseholds", 1))))).json().get("id").asString();
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}");
        List<String> onList = onList(campaignId);
        assertThat(onList).containsAll(poor);

        ApiClient.Response over = api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/submit", thiTran,
                ApiClient.json(Map.of("unitCode", "27496")));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.json().get("code").asString()).isEqualTo("over-quota");
        for (String household : onList.subList(1, onList.size())) {
            api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/remove", thiTran,
                    ApiClient.json(Map.of("householdId", household, "reason", "Ưu tiên hộ khó khăn hơn trong chỉ tiêu")));
        }

        assertThat(submit(campaignId, thiTran, "27496")).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/parts", district).json().get(0).get("maxHouseholds").asInt())
                .isEqualTo(1);
    }

    @Test
    void householdsWithAnApprovedNeedOfTheRightKindQualifyWhateverTheirCategory() {
        List<String> withoutCategory = households("27496", "NONE", 2);
        String needId = UUID.randomUUID().toString();
        TestEvents.publish(Topics.NEEDS.name(), EventTypes.NEED_APPROVED, needId, 2, new vn.ansinh.events.registry.NeedChanged(
                needId, "27496", List.of("FOOD", "MEDICINE"), "APPROVED", withoutCategory.get(0), Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(needId, org.bson.Document.class, "approved_needs") != null);

        String campaignId = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "Lương thực theo nhu cầu",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"), "eligibility", Map.of("approvedNeeds", List.of("FOOD")),
                "benefit", Map.of("items", List.of(Map.of("item", "Mì gói", "unit", "thùng", "quantityPerHousehold", 1))),
                "allowOverlap", true))).json().get("id").asString();
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}");

        assertThat(onList(campaignId)).contains(withoutCategory.get(0)).doesNotContain(withoutCategory.get(1));
    }

    @Test
    void badCampaignsAndDeliveriesAreRefusedAndNothingIsStoredOrPublished() {
        relay.drainOnce(); // what earlier tests saved is published before counting
        long campaignsBefore = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Campaign.class);
        long deliveriesBefore = mongo.getCollection("deliveries").countDocuments();
        long eventsBefore = PublishedEvents.readAll(Topics.CAMPAIGNS.name()).size();

        for (String body : List.of(
                "{\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"f\",\"amountPerHousehold\":1000}}}",
                "{\"name\":\"x\",\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"f\",\"amountPerHousehold\":-5}}}",
                "{\"name\":\"x\",\"officeUnitCode\":\"huyện\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"f\",\"amountPerHousehold\":5}}}",
                "{\"name\":\"x\",\"officeUnitCode\":\"783\",\"targetUnitCodes\":[],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"f\",\"amountPerHousehold\":5}}}",
                // A number is not a name nor a date; a campaign does not end before it starts; a misspelt key is not "no criteria".
                "{\"name\":123,\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"fund-cu-chi\",\"amountPerHousehold\":5}}}",
                "{\"name\":\"x\",\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"fund-cu-chi\",\"amountPerHousehold\":5}},\"startsOn\":123,\"endsOn\":-1}",
                "{\"name\":\"x\",\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"fund-cu-chi\",\"amountPerHousehold\":5}},\"startsOn\":\"2026-12-10\",\"endsOn\":\"2026-12-01\"}",
                "{\"name\":\"x\",\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{\"categoriez\":[\"POOR\"]},\"benefit\":{\"cash\":{\"fundId\":\"fund-cu-chi\",\"amountPerHousehold\":5}}}",
                "{\"name\":\"x\",\"officeUnitCode\":\"783\",\"targetUnitCodes\":[\"27496\"],\"eligibility\":{},\"benefit\":{\"cash\":{\"fundId\":\"fund-cu-chi\",\"amountPerHousehold\":\"5\"}}}")) {
            ApiClient.Response refused = api.postJson("/api/v1/campaigns", district, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (String body : List.of("{\"deliveredAt\":\"2021-08-20T03:00:00Z\",\"deliveredBy\":\"A\"}",
                "{\"entitlementId\":\"c:h\",\"deliveredAt\":\"2999-01-01T00:00:00Z\",\"deliveredBy\":\"A\"}",
                "{\"entitlementId\":\"c:h\",\"deliveredAt\":\"hôm qua\",\"deliveredBy\":\"A\"}")) {
            ApiClient.Response refused = api.postJson("/api/v1/deliveries", tanThanhDong, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Campaign.class)).isEqualTo(campaignsBefore);
        assertThat(mongo.getCollection("deliveries").countDocuments()).isEqualTo(deliveriesBefore);
        relay.drainOnce();
        assertThat(PublishedEvents.readAll(Topics.CAMPAIGNS.name()).size()).isEqualTo(eventsBefore);
    }

    private String overlapping(String name, boolean allowOverlap, boolean cash) {
        Map<String, Object> benefit = cash ? Map.of("cash", Map.of("fundId", "fund-x", "amountPerHousehold", 300_000))
                : Map.of("items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 10)));
        String id = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", name, "officeUnitCode", CU_CHI,
                "targetUnitCodes", List.of("27496"), "eligibility", Map.of("categories", List.of("POOR")), "benefit", benefit,
                "allowOverlap", allowOverlap))).json().get("id").asString();
        JsonNode generated = api.postJson("/api/v1/campaigns/" + id + "/entitlements/generate", district, "{}").json();
        assertThat(generated.has("alreadyServedElsewhere")).isTrue();
        return id;
    }

    private List<String> onList(String campaignId) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/campaigns/" + campaignId + "/entitlements/pending", district).json()
                .forEach(e -> ids.add(e.get("householdId").asString()));
        return ids;
    }

    @Test
    void aCampaignWithoutBenefitOrOutsideTheOfficesAreaIsRefused() {
        ApiClient.Response noBenefit = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "x",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(TAN_THANH_DONG), "eligibility", Map.of(),
                "benefit", Map.of())));
        ApiClient.Response otherDistrict = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", "x",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(CAU_KHO), "eligibility", Map.of(),
                "benefit", Map.of("cash", Map.of("fundId", "f", "amountPerHousehold", 1000)))));

        assertThat(noBenefit.status()).isEqualTo(400);
        assertThat(otherDistrict.status()).isEqualTo(403);
    }

    /** A campaign approved by the district and confirmed by donation-service (played here): deliveries can start. */
    @Test
    void aRoundLeavesATrailNamingThePersonBehindEachStep() {
        String approver = "Bearer " + TestTokens.token("mai.tran", CU_CHI, List.of("OFFICER", "APPROVER"), Duration.ofMinutes(30));
        String officer = "Bearer " + TestTokens.token("nam.le", "27496", List.of("OFFICER"), Duration.ofMinutes(30));
        List<String> listed = households("27496", "POOR", 2);
        String campaignId = api.postJson("/api/v1/campaigns", approver, ApiClient.json(Map.of("name", "Quà Tết có nhật ký",
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"), "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("cash", Map.of("fundId", "fund-cu-chi", "amountPerHousehold", 500_000))))).json()
                .get("id").asString();
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", approver, "{}");
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/remove", officer, ApiClient.json(Map.of(
                "householdId", listed.get(1), "reason", "Đã chuyển đi nơi khác"))).status()).isEqualTo(200);
        assertThat(submit(campaignId, officer, "27496")).isEqualTo(200);
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/approve", approver, "{}").status()).isEqualTo(200);
        answer(campaignId, true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(campaignId)));
        String deliveryId = deliver(officer, "dev-" + UUID.randomUUID(), Entitlement.idOf(campaignId, listed.get(0))).json()
                .get("id").asString();
        api.postJson("/api/v1/deliveries/" + deliveryId + "/revert", officer, ApiClient.json(Map.of("reason", "Ghi nhầm hộ")));
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/close", approver, ApiClient.json(Map.of("reason", "Hết đợt")))
                .status()).isEqualTo(200);
        String auditor = TestTokens.bearer(CU_CHI, "AUDITOR");

        List<String> campaignSteps = await().atMost(Duration.ofSeconds(20)).until(() -> actions(api.get("/api/v1/audit?subject="
                + campaignId + "&size=50", auditor).json(), "mai.tran", "nam.le"), steps -> steps.size() >= 4);
        assertThat(campaignSteps).containsExactly("mai.tran:campaign.closed", "mai.tran:campaign.approved",
                "nam.le:campaign.part-submitted", "mai.tran:campaign.created");
        JsonNode generated = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject="
                + Entitlement.idOf(campaignId, listed.get(0)), auditor).json(), page -> page.path("totalElements").asLong() == 1);
        assertThat(generated.path("content").get(0).path("action").asString()).as("each generated entry, with its list's maker")
                .isEqualTo("list.household-listed");
        assertThat(generated.path("content").get(0).path("actor").asString()).isEqualTo("mai.tran");
        JsonNode entryTrail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject="
                + Entitlement.idOf(campaignId, listed.get(1)), auditor).json(), page -> page.path("totalElements").asLong() == 2);
        JsonNode removal = entryTrail.path("content").get(0);
        assertThat(removal.path("action").asString()).isEqualTo("list.household-removed");
        assertThat(removal.path("actor").asString()).isEqualTo("nam.le");
        assertThat(removal.path("changes").toString()).contains("\"before\":true,\"after\":false").contains("Đã chuyển đi nơi khác");
        List<String> deliverySteps = await().atMost(Duration.ofSeconds(20)).until(() -> actions(api.get("/api/v1/audit?subject="
                + deliveryId, auditor).json(), "nam.le"), steps -> steps.size() == 2);
        assertThat(deliverySteps).containsExactly("nam.le:delivery.reverted", "nam.le:delivery.recorded");
    }

    /** "actor:action" of the records made by these people, newest first. */
    private static List<String> actions(JsonNode page, String... people) {
        List<String> steps = new ArrayList<>();
        page.path("content").forEach(record -> {
            if (List.of(people).contains(record.path("actor").asString())) {
                steps.add(record.path("actor").asString() + ":" + record.path("action").asString());
            }
        });
        return steps;
    }

    private String active(String name) {
        String campaignId = readyToApprove(name);
        api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}");
        answer(campaignId, true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(campaignId)));
        return campaignId;
    }

    private String readyToApprove(String name) {
        String campaignId = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", name,
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of("27496"), "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("cash", Map.of("fundId", "fund-cu-chi", "amountPerHousehold", 500_000))))).json()
                .get("id").asString();
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}");
        assertThat(submit(campaignId, thiTran, "27496")).isEqualTo(200);
        return campaignId;
    }

    private String createCampaign(String name) {
        ApiClient.Response created = api.postJson("/api/v1/campaigns", district, ApiClient.json(Map.of("name", name,
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(TAN_THANH_DONG, "27496"),
                "eligibility", Map.of("categories", List.of("POOR")),
                "benefit", Map.of("cash", Map.of("fundId", "fund-cu-chi", "amountPerHousehold", 1_500_000),
                        "items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 10))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Plays the registry: households of a unit with a category, as the replica receives them. */
    private List<String> households(String unit, String category, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0,
                    new HouseholdRegistered(id, unit, List.of(category), category.equals("POOR") ? "POOR" : "NONE", 3, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id ->
                replica.find(id).isPresent()));
        return ids;
    }

    /** Plays donation-service answering a reservation request. */
    private static void answer(String campaignId, boolean confirmed, String reason) {
        TestEvents.publish(Topics.RESERVATIONS.name(), confirmed ? EventTypes.RESERVATION_CONFIRMED : EventTypes.RESERVATION_REJECTED,
                campaignId, 0, new ReservationAnswered(campaignId, reason, reason == null ? null : "Quỹ không đủ tiền"));
    }

    private int submit(String campaignId, String token, String unit) {
        return api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/submit", token,
                ApiClient.json(Map.of("unitCode", unit))).status();
    }

    private ApiClient.Response deliver(String token, String deliveryId, String entitlementId) {
        return api.postJson("/api/v1/deliveries", token, ApiClient.json(Map.of("id", deliveryId, "entitlementId", entitlementId,
                "deliveredAt", Instant.now().minusSeconds(60).toString(), "deliveredBy", "Tổ trưởng Lê Văn Năm")));
    }

    private String state(String campaignId) {
        return api.get("/api/v1/campaigns/" + campaignId, district).json().get("state").asString();
    }

    private static List<PublishedEvents.Event> campaignEvents(String campaignId) {
        return PublishedEvents.readAll(Topics.CAMPAIGNS.name()).stream().filter(e -> campaignId.equals(e.key())).toList();
    }

    @Test
    void aRandomSampleOfDeliveriesIsVerifiedAndEveryDiscrepancyIsAnsweredByTheCampaignsOffice() {
        List<String> inTanThanhDong = households(TAN_THANH_DONG, "POOR", 8);
        List<String> inThiTran = households("27496", "POOR", 4);
        String campaignId = createCampaign("Kiểm tra sau khi trao " + UUID.randomUUID());
        api.postJson("/api/v1/campaigns/" + campaignId + "/entitlements/generate", district, "{}");
        assertThat(api.postJson("/api/v1/campaigns/" + campaignId + "/verification-samples", district,
                ApiClient.json(Map.of("size", 3))).status()).as("nothing handed out yet").isEqualTo(409);
        submit(campaignId, tanThanhDong, TAN_THANH_DONG);
        submit(campaignId, thiTran, "27496");
        api.postJson("/api/v1/campaigns/" + campaignId + "/approve", district, "{}");
        answer(campaignId, true, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(campaignId)));
        inTanThanhDong.forEach(h -> assertThat(deliver(tanThanhDong, "v-" + UUID.randomUUID(), Entitlement.idOf(campaignId, h))
                .status()).isEqualTo(201));
        inThiTran.forEach(h -> assertThat(deliver(thiTran, "v-" + UUID.randomUUID(), Entitlement.idOf(campaignId, h))
                .status()).isEqualTo(201));
        String samples = "/api/v1/campaigns/" + campaignId + "/verification-samples";
        assertThat(api.postJson(samples, district, ApiClient.json(Map.of("size", 3, "sharePercent", 10))).status()).isEqualTo(400);
        assertThat(api.postJson(samples, district, ApiClient.json(Map.of("sharePercent", 0))).status()).isEqualTo(400);
        assertThat(api.postJson(samples, tanThanhDong, ApiClient.json(Map.of("size", 3))).status()).as("an approver draws").isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(campaignId)), "verifications")).isZero();

        // Half the deliveries, by commune in proportion: 8 of 12 in Tân Thạnh Đông give it 4 of the 6.
        JsonNode first = api.postJson(samples, district, ApiClient.json(Map.of("sharePercent", 50, "seed", 20250701,
                "verifiers", List.of("kiemtra.vien")))).json();
        assertThat(first.get("drawn").asInt()).isEqualTo(6);
        assertThat(first.get("seed").asLong()).isEqualTo(20250701);
        Map<String, Integer> drawn = new java.util.HashMap<>();
        first.get("byCommune").forEach(part -> drawn.put(part.get("unitCode").asString(), part.get("drawn").asInt()));
        assertThat(drawn).containsEntry(TAN_THANH_DONG, 4).containsEntry("27496", 2);
        JsonNode second = api.postJson(samples, district, ApiClient.json(Map.of("sharePercent", 100))).json();
        assertThat(second.get("drawn").asInt()).as("the rest, none drawn twice").isEqualTo(6);
        assertThat(second.get("seed").isNumber()).as("a seed chosen and recorded").isTrue();
        assertThat(api.postJson(samples, district, ApiClient.json(Map.of("size", 1))).json().get("code").asString())
                .isEqualTo("verification.nothing-delivered");

        JsonNode sampled = api.get("/api/v1/campaigns/" + campaignId + "/verifications?size=50", district).json();
        assertThat(sampled.get("totalElements").asLong()).isEqualTo(12);
        List<String> inTtd = new ArrayList<>();
        sampled.get("content").forEach(v -> {
            if (v.get("unitCode").asString().equals(TAN_THANH_DONG) && v.get("sampleId").asString().equals(first.get("id").asString())) {
                inTtd.add(v.get("id").asString());
            }
        });
        String auditor = TestTokens.bearer(CU_CHI, "AUDITOR");
        String named = "Bearer " + TestTokens.token("kiemtra.vien", TAN_THANH_DONG, List.of("OFFICER"), Duration.ofMinutes(5));
        String full = "/api/v1/verifications/" + inTtd.get(0);
        String missing = "/api/v1/verifications/" + inTtd.get(1);
        String partly = "/api/v1/verifications/" + inTtd.get(2);
        assertThat(api.postJson(full, auditor, ApiClient.json(Map.of("outcome", "RECEIVED_IN_FULL"))).json().get("caseState").isNull()).isTrue();
        assertThat(api.postJson(full, auditor, ApiClient.json(Map.of("outcome", "RECEIVED_IN_FULL"))).status()).as("said again").isEqualTo(200);
        assertThat(api.postJson(full, auditor, ApiClient.json(Map.of("outcome", "NOT_FOUND"))).json().get("code").asString())
                .isEqualTo("verification.recorded");
        assertThat(api.postJson(missing, tanThanhDong, ApiClient.json(Map.of("outcome", "NOT_RECEIVED"))).status())
                .as("an officer not named by the sample").isEqualTo(403);
        assertThat(api.postJson(missing, auditor, ApiClient.json(Map.of("outcome", "MAYBE"))).status()).isEqualTo(400);
        JsonNode notReceived = api.postJson(missing, named, ApiClient.json(Map.of("outcome", "NOT_RECEIVED",
                "note", "Hộ nói chưa nhận tiền, chỉ nhận gạo"))).json();
        assertThat(notReceived.get("caseState").asString()).isEqualTo("OPEN");
        assertThat(notReceived.get("verifiedBy").asString()).isEqualTo("kiemtra.vien");
        api.postJson(partly, auditor, ApiClient.json(Map.of("outcome", "RECEIVED_IN_PART")));

        JsonNode summary = api.get("/api/v1/campaigns/" + campaignId + "/verification", district).json();
        assertThat(summary.get("sampled").asLong()).isEqualTo(12);
        assertThat(summary.get("verified").asLong()).isEqualTo(3);
        assertThat(summary.get("outcomes").get("NOT_RECEIVED").asLong()).isEqualTo(1);
        assertThat(summary.get("verifiedRatePercent").decimalValue()).isEqualByComparingTo("33.33");
        assertThat(summary.get("openCases").asLong()).isEqualTo(2);
        assertThat(summary.get("samples")).hasSize(2);

        assertThat(api.postJson(missing + "/answer", tanThanhDong, ApiClient.json(Map.of("answer", "x"))).status())
                .as("the campaign's office answers, not the commune").isEqualTo(403);
        assertThat(api.postJson(full + "/answer", district, ApiClient.json(Map.of("answer", "x"))).json().get("code").asString())
                .isEqualTo("verification.no-case");
        JsonNode answered = api.postJson(missing + "/answer", district, ApiClient.json(Map.of("answer",
                "Kế toán xác nhận chưa chi tiền mặt cho hộ; đã chi bổ sung ngày 05/12."))).json();
        assertThat(answered.get("caseState").asString()).isEqualTo("ANSWERED");
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/verification", district).json().get("openCases").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/campaigns/" + campaignId + "/verifications?caseState=OPEN", district).json()
                .get("content").findValuesAsString("id")).containsExactly(inTtd.get(2));
        assertThat(api.get(missing, TestTokens.bearer(QUAN_1, "AUDITOR")).status()).isEqualTo(404);
        // Reports learn where each sampled delivery stands, never whose it is or who asked.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PublishedEvents.readAll(Topics.CAMPAIGNS.name()))
                .filteredOn(e -> e.type().equals(EventTypes.VERIFICATION_UPDATED) && e.payload().contains(campaignId))
                .hasSize(12 + 3 + 1)
                .allSatisfy(e -> assertThat(e.payload()).doesNotContain("householdId").doesNotContain("kiemtra.vien")));
    }

    @Test
    void aDeliveryCarriesAProofImageThatOnlyItsAreasOfficesSee() throws Exception {
        List<String> household = households("27496", "POOR", 1);
        String campaignId = active("Ảnh ký nhận " + UUID.randomUUID());
        String deliveryId = "proof-" + UUID.randomUUID();
        assertThat(deliver(thiTran, deliveryId, Entitlement.idOf(campaignId, household.get(0))).status()).isEqualTo(201);
        int eventsBefore = campaignEvents(campaignId).size();
        String proof = "/api/v1/deliveries/" + deliveryId + "/proof";
        // A PNG's signature followed by its data (any bytes: the service stores the image, it does not decode it).
        byte[] png = new byte[600];
        new java.util.Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);

        ApiClient.Response script = api.put(proof, thiTran, "image/jpeg", "<script>alert(1)</script>".getBytes());
        assertThat(script.status()).as("a script called a JPEG").isEqualTo(400);
        assertThat(script.json().get("errors").get(0).get("field").asString()).isEqualTo("image");
        byte[] tooLarge = new byte[2 * 1024 * 1024 + 1];
        tooLarge[0] = (byte) 0xFF;
        tooLarge[1] = (byte) 0xD8;
        tooLarge[2] = (byte) 0xFF;
        assertThat(api.put(proof, thiTran, "image/jpeg", tooLarge).status()).isEqualTo(400);
        assertThat(api.put(proof, thiTran, "image/jpeg", new byte[3_000_000]).status()).isEqualTo(413);
        assertThat(api.put(proof, tanThanhDong, "image/png", png).status()).as("another commune's delivery").isIn(403, 404);
        assertThat(api.get(proof, thiTran).status()).as("nothing attached yet").isEqualTo(404);

        JsonNode attached = api.put(proof + "?kind=SIGNATURE", thiTran, "image/png", png).json();
        assertThat(attached.get("contentType").asString()).isEqualTo("image/png");
        assertThat(attached.get("kind").asString()).isEqualTo("SIGNATURE");
        assertThat(attached.get("size").asLong()).isEqualTo(600);

        java.net.http.HttpResponse<byte[]> image = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + proof)).header("Authorization", district).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(image.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(api.get(proof, TestTokens.bearer(QUAN_1, "OFFICER")).status()).isEqualTo(404);
        assertThat(api.get(proof, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit?subject=" + deliveryId + "&action=delivery.proof-read", TestTokens.bearer(CU_CHI, "AUDITOR"))
                .json().get("totalElements").asLong()).isEqualTo(1);
        // The next event of the campaign comes after the attach on the same partition: once it is read, the attach
        // would have been too, had it published anything.
        assertThat(api.postJson("/api/v1/deliveries/" + deliveryId + "/revert", thiTran,
                ApiClient.json(Map.of("reason", "Ghi nhầm hộ"))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> campaignEvents(campaignId).size() > eventsBefore);
        List<PublishedEvents.Event> after = campaignEvents(campaignId).subList(eventsBefore, campaignEvents(campaignId).size());
        assertThat(after).as("the image is in no event").extracting(PublishedEvents.Event::type)
                .containsOnly(EventTypes.DELIVERY_REVERTED);
        assertThat(after).allSatisfy(event -> assertThat(event.payload()).doesNotContain(attached.get("sha256").asString()));
    }

    /** The published OpenAPI document (docs/openapi/) is the one this service describes (here: its context is up already). */
    @Test
    void theCheckedInOpenApiDocumentIsTheServices() throws Exception {
        vn.ansinh.testkit.OpenApiDocuments.requireCheckedIn(api, "distribution-service");
    }

}
