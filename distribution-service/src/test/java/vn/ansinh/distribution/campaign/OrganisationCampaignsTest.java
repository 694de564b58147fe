package vn.ansinh.distribution.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.distribution.DistributionServiceTest;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.donation.OrganisationRegistered;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * The Women's Union of Củ Chi runs its own Tết campaign: out of its own fund and its own store, approved
 * by its own people; it does not run the district's campaigns, nor pay out of the district's fund.
 */
class OrganisationCampaignsTest extends DistributionServiceTest {

    private static final String THI_TRAN = "27496";

    @BeforeAll
    static void organisationAndFunds() {
        OrganisationRegistered union = new OrganisationRegistered(CU_CHI, "HLHPN", "Hội Liên hiệp Phụ nữ huyện Củ Chi");
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.ORGANISATION_REGISTERED, CU_CHI + ":HLHPN", 0, union);
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.ORGANISATION_REGISTERED, CU_CHI + ":HLHPN", 0, union); // redelivered
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_OPENED, "fund-hlhpn", 0,
                new FundOpened("fund-hlhpn", "Quỹ Hội Phụ nữ huyện Củ Chi", CU_CHI, "Tết cho phụ nữ nghèo", "HLHPN"));
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_OPENED, "fund-cu-chi-own", 0,
                new FundOpened("fund-cu-chi-own", "Quỹ Vì người nghèo huyện Củ Chi", CU_CHI, "Hỗ trợ hộ nghèo"));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    HouseholdReplica replica;

    final String district = TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER");
    final String womensUnion = TestTokens.bearerForOrganisation(CU_CHI, "HLHPN", "OFFICER", "APPROVER");
    final String thiTran = TestTokens.bearer(THI_TRAN, "OFFICER");

    private void replicated() {
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById("fund-hlhpn", Document.class, "fund_replica") != null
                && mongo.findById("fund-cu-chi-own", Document.class, "fund_replica") != null
                && mongo.exists(Query.query(Criteria.where("code").is("HLHPN")), "organisation_replica"));
    }

    private ApiClient.Response create(String token, String fundId, String organisation) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Tết cho phụ nữ nghèo " + System.nanoTime(),
                "officeUnitCode", CU_CHI, "targetUnitCodes", List.of(THI_TRAN),
                "eligibility", Map.of("categories", List.of("SINGLE_MOTHER_TET")),
                "benefit", Map.of("cash", Map.of("fundId", fundId, "amountPerHousehold", 500_000),
                        "items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantityPerHousehold", 10)))));
        if (organisation != null) {
            body.put("organisationCode", organisation);
        }
        return api.postJson("/api/v1/campaigns", token, ApiClient.json(body));
    }

    @Test
    void anOrganisationRunsItsOwnCampaignOutOfItsOwnFundAndStore() throws Exception {
        replicated();
        assertThat(mongo.count(Query.query(Criteria.where("code").is("HLHPN")), "organisation_replica"))
                .as("a redelivered registration changes nothing").isEqualTo(1);
        String household = household();
        long before = mongo.count(new Query(), Campaign.class);

        ApiClient.Response outOfTheDistrictsFund = create(womensUnion, "fund-cu-chi-own", null);
        ApiClient.Response forAnother = create(womensUnion, "fund-hlhpn", "DOAN-TN");
        ApiClient.Response unknown = create(district, "fund-cu-chi-own", "HND");
        assertThat(outOfTheDistrictsFund.status()).isEqualTo(422);
        assertThat(outOfTheDistrictsFund.json().get("code").asString()).isEqualTo("organisation.fund-not-its");
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("code").asString()).isEqualTo("organisation.unknown");
        assertThat(mongo.count(new Query(), Campaign.class)).as("nothing stored by the refusals").isEqualTo(before);

        ApiClient.Response created = create(womensUnion, "fund-hlhpn", null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("organisationCode").asString()).isEqualTo("HLHPN");
        String campaign = created.json().get("id").asString();
        assertThat(api.postJson("/api/v1/campaigns/" + campaign + "/entitlements/generate", womensUnion, "{}").json()
                .get("added").asLong()).isEqualTo(1);
        assertThat(api.postJson("/api/v1/campaigns/" + campaign + "/entitlements/submit", thiTran,
                ApiClient.json(Map.of("unitCode", THI_TRAN))).status()).as("the commune still submits its part").isEqualTo(200);
        ApiClient.Response approved = api.postJson("/api/v1/campaigns/" + campaign + "/approve", womensUnion, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode approval = JsonMapper.builder().build().readTree(eventOf(campaign, EventTypes.CAMPAIGN_APPROVED).payload());
        assertThat(approval.get("organisationCode").asString()).isEqualTo("HLHPN");
        JsonNode reservation = JsonMapper.builder().build().readTree(eventOf(campaign, EventTypes.CAMPAIGN_RESERVATION_REQUESTED).payload());
        assertThat(reservation.get("needed").get("goods").get(0).get("organisationCode").asString())
                .as("its rice comes out of its own store").isEqualTo("HLHPN");
        assertThat(reservation.get("needed").get("money").get(0).get("fundId").asString()).isEqualTo("fund-hlhpn");
        assertThat(household).isNotNull();
    }

    @Test
    void anOrganisationsPersonDoesNotRunTheDistrictsCampaign() {
        replicated();
        ApiClient.Response created = create(district, "fund-cu-chi-own", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String campaign = created.json().get("id").asString();

        ApiClient.Response generate = api.postJson("/api/v1/campaigns/" + campaign + "/entitlements/generate", womensUnion, "{}");
        ApiClient.Response close = api.postJson("/api/v1/campaigns/" + campaign + "/close", womensUnion,
                ApiClient.json(Map.of("reason", "Thử đóng")));
        ApiClient.Response read = api.get("/api/v1/campaigns/" + campaign, womensUnion);

        assertThat(generate.status()).isEqualTo(403);
        assertThat(generate.json().get("code").asString()).isEqualTo("organisation.not-yours");
        assertThat(close.status()).isEqualTo(403);
        assertThat(read.status()).as("reading is not running").isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + campaign, district).json().get("state").asString()).isEqualTo("DRAFT");
        assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(campaign)), Entitlement.class)).isZero();
    }

    /** A household of Thị trấn Củ Chi of a category no other test uses, so the list is this test's alone. */
    private String household() {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0, new HouseholdRegistered(id, THI_TRAN,
                List.of("SINGLE_MOTHER_TET"), "POOR", 3, Instant.now(), null, List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(id).isPresent());
        return id;
    }

    private static PublishedEvents.Event eventOf(String campaignId, String type) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> PublishedEvents.readAll(Topics.CAMPAIGNS.name()).stream()
                .filter(e -> campaignId.equals(e.key()) && e.type().equals(type)).findFirst(), java.util.Optional::isPresent).get();
    }
}
