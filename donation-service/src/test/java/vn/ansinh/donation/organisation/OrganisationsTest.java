package vn.ansinh.donation.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * In one ward the Fatherland Front, the Women's Union and the Youth Union each raise and give (the Núi
 * Sam seed). Here a neighbouring ward of Châu Đốc, Vĩnh Mỹ, so that its public statement holds only this
 * test's funds: the office registers its organisations, each person who acts for one changes only that
 * organisation's funds and stock, and the public reads the ward's money part by part and in total.
 */
class OrganisationsTest extends DonationServiceTest {

    static final String VINH_MY = "30322";

    @Autowired
    AdminUnitDirectory directory;

    final String ward = TestTokens.bearer(VINH_MY, "OFFICER", "APPROVER");
    final String womensUnion = TestTokens.bearerForOrganisation(VINH_MY, "HLHPN", "OFFICER", "APPROVER");

    @BeforeAll
    static void vinhMy() {
        TestEvents.publishUnit("89", "Tỉnh An Giang", "PROVINCE", null);
        TestEvents.publishUnit("884", "Thành phố Châu Đốc", "DISTRICT", "89");
        TestEvents.publishUnit(VINH_MY, "Phường Vĩnh Mỹ", "COMMUNE", "884");
    }

    private void registered() {
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isWithin(VINH_MY, "89"));
        for (List<String> organisation : List.of(List.of("MTTQ", "Ủy ban MTTQ Việt Nam phường Vĩnh Mỹ"),
                List.of("HLHPN", "Hội Liên hiệp Phụ nữ phường Vĩnh Mỹ"), List.of("DOAN-TN", "Đoàn Thanh niên phường Vĩnh Mỹ"))) {
            ApiClient.Response response = register(ward, organisation.get(0), organisation.get(1));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
        }
    }

    private ApiClient.Response register(String token, String code, String name) {
        return api.postJson("/api/v1/organisations", token,
                ApiClient.json(Map.of("officeUnitCode", VINH_MY, "code", code, "name", name)));
    }

    private ApiClient.Response openFund(String token, String name, String organisation) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "officeUnitCode", VINH_MY, "purpose", "Tết vì người nghèo"));
        if (organisation != null) {
            body.put("organisationCode", organisation);
        }
        return api.postJson("/api/v1/funds", token, ApiClient.json(body));
    }

    private long received(String fundId) {
        return api.get("/api/v1/funds/" + fundId, ward).json().get("received").asLong();
    }

    @Test
    void anOfficeRegistersItsOrganisationsOnceAndNoOneElseDoes() {
        registered();
        long before = mongo.count(new Query(), Organisation.class);

        ApiClient.Response again = register(ward, "HLHPN", "Hội Liên hiệp Phụ nữ phường Vĩnh Mỹ");
        ApiClient.Response taken = register(ward, "HLHPN", "Hội Cựu chiến binh phường Vĩnh Mỹ");
        ApiClient.Response byAnOrganisation = register(womensUnion, "CCB", "Hội Cựu chiến binh phường Vĩnh Mỹ");
        ApiClient.Response otherOffice = api.postJson("/api/v1/organisations", TestTokens.bearer("783", "APPROVER"),
                ApiClient.json(Map.of("officeUnitCode", VINH_MY, "code", "CCB", "name", "Hội Cựu chiến binh")));
        ApiClient.Response badCode = register(ward, "hội phụ nữ", "Hội Phụ nữ");
        ApiClient.Response byAnOfficer = api.postJson("/api/v1/organisations", TestTokens.bearer(VINH_MY, "OFFICER"),
                ApiClient.json(Map.of("officeUnitCode", VINH_MY, "code", "CCB", "name", "Hội Cựu chiến binh")));

        assertThat(again.status()).as("the same registration again is the one there").isEqualTo(201);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("organisation.code-taken");
        assertThat(byAnOrganisation.status()).isEqualTo(403);
        assertThat(byAnOrganisation.json().get("code").asString()).isEqualTo("organisation.not-yours");
        assertThat(otherOffice.status()).isEqualTo(403);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(byAnOfficer.status()).isEqualTo(403);
        assertThat(mongo.count(new Query(), Organisation.class)).as("nothing stored by the refusals").isEqualTo(before);
        JsonNode listed = api.get("/api/v1/organisations?officeUnitCode=" + VINH_MY, womensUnion).json();
        assertThat(listed.findValuesAsString("code")).containsExactly("DOAN-TN", "HLHPN", "MTTQ");
        assertThat(listed.get(1).get("name").asString()).isEqualTo("Hội Liên hiệp Phụ nữ phường Vĩnh Mỹ");
    }

    @Test
    void aPersonWhoActsForAnOrganisationChangesOnlyItsFundsAndReadsTheWholeOffice() {
        registered();
        String wardFund = openFund(ward, "Quỹ Vì người nghèo phường Vĩnh Mỹ " + System.nanoTime(), null).json().get("id").asString();
        ApiClient.Response opened = openFund(womensUnion, "Quỹ Mái ấm tình thương " + System.nanoTime(), null);
        String refusedNames = "Bị từ chối " + System.nanoTime();
        ApiClient.Response forAnother = openFund(womensUnion, refusedNames + " - Quỹ Đoàn", "DOAN-TN");
        ApiClient.Response unknown = openFund(ward, refusedNames + " - Quỹ Hội Nông dân", "HND");

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("organisationCode").asString()).as("always the person's own organisation").isEqualTo("HLHPN");
        assertThat(forAnother.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("code").asString()).isEqualTo("organisation.unknown");
        assertThat(mongo.count(Query.query(Criteria.where("name").regex("^" + refusedNames)), Fund.class)).as("nothing stored").isZero();
        String unionFund = opened.json().get("id").asString();

        ApiClient.Response intoItsOwn = api.postJson("/api/v1/donations", womensUnion,
                ApiClient.json(Map.of("fundId", unionFund, "amount", 5_000_000, "channel", "CASH", "reference", "PT-HLHPN-1")));
        ApiClient.Response intoTheWards = api.postJson("/api/v1/donations", womensUnion,
                ApiClient.json(Map.of("fundId", wardFund, "amount", 1_000_000, "channel", "CASH")));
        ApiClient.Response payOutOfTheWards = api.postJson("/api/v1/funds/" + wardFund + "/disbursements", womensUnion,
                ApiClient.json(Map.of("amount", 1, "description", "Thử chi")));

        assertThat(intoItsOwn.status()).as(intoItsOwn.body()).isIn(201, 202);
        assertThat(intoTheWards.status()).isEqualTo(403);
        assertThat(intoTheWards.json().get("code").asString()).isEqualTo("organisation.not-yours");
        assertThat(payOutOfTheWards.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/funds/" + wardFund, womensUnion).status()).as("reading is not changing").isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> received(unionFund) == 5_000_000);
        assertThat(received(wardFund)).isZero();

        JsonNode unionFunds = api.get("/api/v1/funds?officeUnitCode=" + VINH_MY + "&organisationCode=HLHPN", ward).json().get("content");
        JsonNode wardsOwn = api.get("/api/v1/funds?officeUnitCode=" + VINH_MY + "&organisationCode=OFFICE", ward).json().get("content");
        assertThat(unionFunds.findValuesAsString("organisationCode")).isNotEmpty().containsOnly("HLHPN");
        assertThat(unionFunds.findValuesAsString("id")).contains(unionFund).doesNotContain(wardFund);
        assertThat(wardsOwn.findValuesAsString("id")).contains(wardFund).doesNotContain(unionFund);
    }

    @Test
    void anOrganisationsGoodsAreAStoreOfItsOwn() {
        registered();
        ApiClient.Response unionRice = api.postJson("/api/v1/donations", womensUnion, ApiClient.json(Map.of("officeUnitCode", VINH_MY,
                "items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantity", 500, "estimatedValue", 9_000_000)))));
        ApiClient.Response wardRice = api.postJson("/api/v1/donations", ward, ApiClient.json(Map.of("officeUnitCode", VINH_MY,
                "items", List.of(Map.of("item", "Gạo", "unit", "kg", "quantity", 1_000, "estimatedValue", 18_000_000)))));
        ApiClient.Response intoAnother = api.postJson("/api/v1/donations", womensUnion, ApiClient.json(Map.of("officeUnitCode", VINH_MY,
                "organisationCode", "DOAN-TN", "items", List.of(Map.of("item", "Mì gói", "unit", "thùng", "quantity", 10, "estimatedValue", 1_000_000)))));

        assertThat(unionRice.status()).as(unionRice.body()).isIn(201, 202);
        assertThat(wardRice.status()).isIn(201, 202);
        assertThat(intoAnother.status()).isEqualTo(403);
        JsonNode unionRiceLine = stockLine("Gạo", "HLHPN");
        JsonNode wardRiceLine = stockLine("Gạo", "OFFICE");
        assertThat(unionRiceLine.get("onHand").decimalValue()).isEqualByComparingTo("500");
        assertThat(unionRiceLine.get("organisationCode").asString()).isEqualTo("HLHPN");
        assertThat(wardRiceLine.get("onHand").decimalValue()).as("the office's own store, apart").isEqualByComparingTo("1000");
        JsonNode all = api.get("/api/v1/stock?officeUnitCode=" + VINH_MY, ward).json();
        assertThat(all.findValuesAsString("item")).doesNotContain("Mì gói");
        assertThat(all.findValuesAsString("organisationCode")).contains("HLHPN");
        // Reports learn whose store took the goods.
        String unionDonation = unionRice.json().get("id").asString();
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PublishedEvents.readAll(Topics.DONATIONS.name()))
                .filteredOn(e -> EventTypes.IN_KIND_DONATION_RECEIVED.equals(e.type()) && e.payload().contains(unionDonation))
                .singleElement().satisfies(e -> assertThat(e.payload()).contains("\"organisationCode\":\"HLHPN\"")));
    }

    @Test
    void anOrganisationsCampaignReservesItsOwnStoresGoodsNotTheOffices() {
        registered();
        String item = "Dầu ăn " + System.nanoTime();
        api.postJson("/api/v1/donations", ward, ApiClient.json(Map.of("officeUnitCode", VINH_MY,
                "items", List.of(Map.of("item", item, "unit", "chai", "quantity", 100, "estimatedValue", 4_000_000)))));
        api.postJson("/api/v1/donations", womensUnion, ApiClient.json(Map.of("officeUnitCode", VINH_MY,
                "items", List.of(Map.of("item", item, "unit", "chai", "quantity", 30, "estimatedValue", 1_200_000)))));
        String tooMuch = "hlhpn-tet-" + System.nanoTime();
        String enough = "hlhpn-tet-ok-" + System.nanoTime();

        // 50 bottles from the union's store of 30 is too many, though the ward's own store holds 100.
        requestReservation(tooMuch, new Benefit(List.of(), List.of(new Benefit.Goods(VINH_MY, item, "chai", 50_000, "HLHPN"))));
        requestReservation(enough, new Benefit(List.of(), List.of(new Benefit.Goods(VINH_MY, item, "chai", 20_000, "HLHPN"))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(answerTo(tooMuch)).isEqualTo(EventTypes.RESERVATION_REJECTED);
            assertThat(answerTo(enough)).isEqualTo(EventTypes.RESERVATION_CONFIRMED);
        });
        JsonNode unionLine = stockLine(item, "HLHPN");
        JsonNode wardLine = stockLine(item, "OFFICE");
        assertThat(unionLine.get("reserved").decimalValue()).isEqualByComparingTo("20");
        assertThat(wardLine.get("reserved").decimalValue()).as("the ward's own store untouched").isEqualByComparingTo("0");
        assertThat(wardLine.get("available").decimalValue()).isEqualByComparingTo("100");
    }

    private void requestReservation(String campaignId, Benefit needed) {
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_RESERVATION_REQUESTED, campaignId, 0,
                new CampaignReservationRequested(campaignId, VINH_MY, needed));
    }

    private static String answerTo(String campaignId) {
        return PublishedEvents.readAll(Topics.RESERVATIONS.name()).stream().filter(e -> campaignId.equals(e.key()))
                .map(PublishedEvents.Event::type).findFirst().orElse(null);
    }

    private JsonNode stockLine(String item, String organisation) {
        for (JsonNode line : api.get("/api/v1/stock?officeUnitCode=" + VINH_MY + "&organisationCode=" + organisation, ward).json()) {
            if (line.get("item").asString().equals(item)) {
                return line;
            }
        }
        throw new AssertionError("no " + item + " in the store of " + organisation);
    }

    @Test
    void thePublicReadsTheWardsMoneyByOrganisationAndInTotal() {
        registered();
        String wardFund = openFund(ward, "Quỹ Cứu trợ phường Vĩnh Mỹ " + System.nanoTime(), null).json().get("id").asString();
        String unionFund = openFund(ward, "Quỹ Hội Phụ nữ " + System.nanoTime(), "HLHPN").json().get("id").asString();
        String youthFund = openFund(ward, "Quỹ Đoàn Thanh niên " + System.nanoTime(), "DOAN-TN").json().get("id").asString();
        long wardBefore = officeFigure(null, "closingBalance");
        donate(VINH_MY, wardFund, 20_000_000, "BANK", "VM-" + System.nanoTime());
        donate(VINH_MY, unionFund, 3_000_000, "CASH", null);
        donate(VINH_MY, youthFund, 1_500_000, "CASH", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> received(wardFund) + received(unionFund) + received(youthFund) == 24_500_000);
        assertThat(api.postJson("/api/v1/funds/" + unionFund + "/disbursements", womensUnion, ApiClient.json(Map.of("amount", 1_000_000,
                "description", "Sửa nhà bà Nguyễn Thị Lành", "publicDescription", "Sửa một mái nhà"))).status()).isEqualTo(201);

        ApiClient.Response response = api.get("/api/v1/public/offices/" + VINH_MY + "/statement", null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode statement = response.json();
        JsonNode parts = statement.get("parts");
        assertThat(parts.get(0).path("organisationCode").isValueNode() && !parts.get(0).path("organisationCode").isNull())
                .as("the office's own funds first").isFalse();
        assertThat(parts.findValuesAsString("organisationName")).contains("Hội Liên hiệp Phụ nữ phường Vĩnh Mỹ", "Đoàn Thanh niên phường Vĩnh Mỹ");
        long sumOfParts = 0;
        for (JsonNode part : parts) {
            sumOfParts += part.get("figures").get("closingBalance").asLong();
        }
        assertThat(statement.get("total").get("closingBalance").asLong()).as("the total is the parts added up").isEqualTo(sumOfParts);
        JsonNode union = part(parts, "HLHPN");
        assertThat(union.get("funds").findValuesAsString("fundId")).contains(unionFund);
        assertThat(fundFigures(union, unionFund).get("moneyIn").asLong()).isEqualTo(3_000_000);
        assertThat(fundFigures(union, unionFund).get("moneyOut").asLong()).isEqualTo(1_000_000);
        assertThat(fundFigures(union, unionFund).get("closingBalance").asLong()).isEqualTo(2_000_000);
        assertThat(officeFigure(null, "closingBalance") - wardBefore).isEqualTo(20_000_000 + 3_000_000 + 1_500_000 - 1_000_000);
        assertThat(response.body()).as("no person's name on the public page").doesNotContain("Nguyễn Thị Lành");

        JsonNode onlyTheUnion = api.get("/api/v1/public/offices/" + VINH_MY + "/statement?organisationCode=HLHPN", null).json();
        assertThat(onlyTheUnion.get("parts")).hasSize(1);
        assertThat(onlyTheUnion.get("total").get("moneyIn").asLong()).isEqualTo(onlyTheUnion.get("parts").get(0).get("figures").get("moneyIn").asLong());
        assertThat(api.get("/api/v1/public/offices/" + VINH_MY + "/statement?organisationCode=HND", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/public/funds/" + unionFund + "/statement", null).json().get("organisationName").asString())
                .isEqualTo("Hội Liên hiệp Phụ nữ phường Vĩnh Mỹ");
    }

    private long officeFigure(String organisation, String figure) {
        JsonNode statement = api.get("/api/v1/public/offices/" + VINH_MY + "/statement"
                + (organisation == null ? "" : "?organisationCode=" + organisation), null).json();
        return statement.get("total").get(figure).asLong();
    }

    private static JsonNode part(JsonNode parts, String organisation) {
        for (JsonNode part : parts) {
            JsonNode code = part.path("organisationCode");
            if (code.isString() && organisation.equals(code.asString())) {
                return part;
            }
        }
        throw new AssertionError("no part of " + organisation + " in " + parts);
    }

    private static JsonNode fundFigures(JsonNode part, String fundId) {
        for (JsonNode fund : part.get("funds")) {
            if (fund.get("fundId").asString().equals(fundId)) {
                return fund.get("figures");
            }
        }
        throw new AssertionError("no fund " + fundId + " in " + part);
    }
}
