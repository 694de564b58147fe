package vn.ansinh.donation.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.donation.statement.NuiSamStatementTest;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * From each gift to the families it reached: the seeds' Núi Sam fund replayed (four gifts, two houses,
 * the health-insurance cards and 1,507 Tết gifts) and Củ Chi's rice through a campaign's deliveries in
 * two communes, one reverted. First in, first out; the shares of every account add up to what it spent.
 */
class GiftTraceTest extends DonationServiceTest {

    static final String NUI_SAM = NuiSamStatementTest.NUI_SAM;
    static final long GIFTS_TOTAL = 416_845_000L;
    static final int GIFTS = 1_507;
    static final long PER_GIFT = GIFTS_TOTAL / GIFTS;

    @Autowired
    Ledger ledger;
    @Autowired
    GiftTraces traces;

    @BeforeAll
    static void nuiSam() {
        NuiSamStatementTest.nuiSam();
    }

    @Test
    void theNuiSamFundsGiftsAreTracedFirstInFirstOutToTheDong() {
        String ward = TestTokens.bearer(NUI_SAM, "OFFICER", "APPROVER");
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.isWithin(NUI_SAM, "89"));
        String fundId = openFund(NUI_SAM, "Quỹ Vì người nghèo phường Núi Sam");
        String company = give(ward, fundId, donor(ward, "Công ty TNHH Xuân Phát", "BUSINESS"), 300_000_000L, "BANK", "VCB-NS-1");
        String grandmother = give(ward, fundId, donor(ward, "Nguyễn Thị Bảy", "INDIVIDUAL"), 24_845_000L, "CASH", null);
        String pagoda = give(ward, fundId, donor(ward, "Chùa Tây An", "RELIGIOUS"), 200_000_000L, "QR", "QR-NS-7781");
        String unnamed = give(ward, fundId, donor(ward, null, "ANONYMOUS"), 100_000_000L, "CASH", null);
        disburse(ward, fundId, 50_000_000L, "UNC-01", "Xây nhà Đại đoàn kết");
        disburse(ward, fundId, 50_000_000L, "UNC-02", "Xây nhà Đại đoàn kết");
        disburse(ward, fundId, 50_752_000L, "UNC-03", "93 thẻ bảo hiểm y tế");
        Fund fund = mongo.findById(fundId, Fund.class);
        String campaign = "qua-tet-" + fundId;
        ledger.record(fund.account(), Movement.reserved(campaign, fundId, GIFTS_TOTAL, "1.507 phần quà Tết"));
        for (int gift = 0; gift < GIFTS; gift++) {
            long amount = gift < GIFTS - 1 ? PER_GIFT : GIFTS_TOTAL - PER_GIFT * (GIFTS - 1);
            ledger.record(fund.account(), Movement.spentOnDelivery(campaign, campaign + "-" + gift, fundId, amount, "Quà Tết"));
        }

        // The oldest money goes first: the company's pays for the houses, the cards and the first gifts.
        JsonNode companys = trace(company);
        assertThat(companys.get("donor").asString()).isEqualTo("Công ty TNHH Xuân Phát");
        JsonNode money = companys.get("parts").get(0);
        assertThat(money.get("amount").asLong()).isEqualTo(300_000_000L);
        assertThat(money.get("direct")).extracting(line -> line.get("amount").asLong()).containsExactly(50_000_000L, 50_000_000L, 50_752_000L);
        assertThat(money.get("direct").get(2).get("description").asString()).isEqualTo("93 thẻ bảo hiểm y tế");
        JsonNode companysGifts = money.get("campaigns").get(0);
        long companyToGifts = 300_000_000L - 150_752_000L;
        assertThat(companysGifts.get("amount").asLong()).isEqualTo(companyToGifts);
        assertThat(companysGifts.get("households").asInt()).isEqualTo(deliveriesTouched(0, companyToGifts));
        assertThat(money.get("remainingAmount").asLong()).isZero();

        JsonNode grandmothers = trace(grandmother);
        assertThat(grandmothers.get("donor").asString()).isEqualTo("N.T.B.");
        assertThat(grandmothers.at("/parts/0/campaigns/0/amount").asLong()).isEqualTo(24_845_000L);
        assertThat(grandmothers.at("/parts/0/campaigns/0/households").asInt())
                .isEqualTo(deliveriesTouched(companyToGifts, companyToGifts + 24_845_000L));
        assertThat(trace(pagoda).at("/parts/0/campaigns/0/amount").asLong()).isEqualTo(200_000_000L);

        // The anonymous gift is the newest: part of it paid the last gifts, the rest is still in the fund.
        JsonNode anonymous = trace(unnamed);
        long unnamedToGifts = GIFTS_TOTAL - companyToGifts - 24_845_000L - 200_000_000L;
        assertThat(anonymous.get("donor").asString()).isEqualTo("Nhà hảo tâm giấu tên");
        assertThat(anonymous.at("/parts/0/campaigns/0/amount").asLong()).isEqualTo(unnamedToGifts);
        assertThat(anonymous.at("/parts/0/remainingAmount").asLong()).isEqualTo(100_000_000L - unnamedToGifts);
        assertThat(anonymous.at("/parts/0/remainingAmount").asLong())
                .as("what is left of the gifts is the fund's balance").isEqualTo(api.get("/api/v1/funds/" + fundId, ward).json()
                        .get("balance").asLong());

        // Every đồng spent is put down to a gift, once, and working it out again changes nothing.
        long spent = api.get("/api/v1/funds/" + fundId, ward).json().get("spent").asLong();
        assertThat(spent).isEqualTo(100_000_000L + 50_752_000L + GIFTS_TOTAL);
        assertThat(traces.sharesOf(fundId)).isEqualTo(spent);
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(fundId)), Attribution.CURSORS);
        assertThat(traces.sharesOf(fundId)).as("worked out again from the ledger").isEqualTo(spent);

        // The public statement links the gifts of donors who chose to be named, never the anonymous one.
        JsonNode lines = api.get("/api/v1/public/funds/" + fundId + "/statement", null).json().get("lines");
        assertThat(lines.toString()).contains(company).contains(grandmother).doesNotContain(unnamed);
    }

    @Test
    void cuChisRiceIsTracedToTheCommunesAndHouseholdsItReachedAndARevertedDeliveryGivesItBack() {
        // (each event below is delivered twice)
        String cuChi = TestTokens.bearer(CU_CHI, "OFFICER");
        String rice = "Gạo " + UUID.randomUUID().toString().substring(0, 6);
        String first = goods(cuChi, donor(cuChi, "Tịnh xá Ngọc Phương", "RELIGIOUS"), rice, 1_000);
        String second = goods(cuChi, donor(cuChi, "Hội doanh nhân trẻ Củ Chi", "ORGANISATION"), rice, 500);
        String campaign = "ho-tro-gao-" + rice.hashCode();
        publish(EventTypes.CAMPAIGN_APPROVED, campaign, new CampaignApproved(campaign, "Hỗ trợ gạo giãn cách đợt 1", CU_CHI, null, null,
                rice(rice, 25_000L), Map.of(TAN_THANH_DONG, 30L, "27496", 20L), campaign, 1, 0, rice(rice, 1_250_000L)));
        publish(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, campaign, new CampaignReservationRequested(campaign, CU_CHI,
                rice(rice, 1_250_000L)));
        // 50 households of 25 kg: 30 in Tân Thạnh Đông, then 20 in Thị trấn Củ Chi; one of the first is reverted.
        for (int household = 0; household < 50; household++) {
            publish(EventTypes.DELIVERY_RECORDED, campaign, new DeliveryRecorded(campaign + "-" + household, campaign, "h-" + household,
                    household < 30 ? TAN_THANH_DONG : "27496", rice(rice, 25_000L)));
            if (household == 19) { // after the 20th delivery, the 4th is found to be a mistake
                publish(EventTypes.DELIVERY_REVERTED, campaign, new DeliveryReverted(campaign + "-3", campaign, "h-3",
                        rice(rice, 25_000L), "Trao nhầm hộ"));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("campaignId").is(campaign)), "delivery_outcomes") == 51);

        // 49 households got 25 kg: 1,225 kg. The first 1,000 kg are the first gift's; the revert gave 25 kg of it back,
        // spent again on the very next delivery, so the first gift reached 40 households (29 + 11) and the second 9.
        JsonNode firsts = trace(first).get("parts").get(0);
        assertThat(firsts.get("item").asString()).isEqualTo(rice);
        assertThat(firsts.get("unit").asString()).isEqualTo("kg");
        assertThat(firsts.get("quantity").decimalValue()).isEqualByComparingTo("1000");
        JsonNode reach = firsts.get("campaigns").get(0);
        assertThat(reach.get("campaignName").asString()).isEqualTo("Hỗ trợ gạo giãn cách đợt 1");
        assertThat(reach.get("quantity").decimalValue()).isEqualByComparingTo("1000");
        assertThat(reach.get("households").asInt()).isEqualTo(40);
        Map<String, JsonNode> byCommune = new HashMap<>();
        reach.get("communes").forEach(commune -> byCommune.put(commune.get("unitCode").asString(), commune));
        assertThat(byCommune.get(TAN_THANH_DONG).get("households").asInt()).isEqualTo(29);
        assertThat(byCommune.get(TAN_THANH_DONG).get("unitName").asString()).isEqualTo("Xã Tân Thạnh Đông");
        assertThat(byCommune.get("27496").get("households").asInt()).isEqualTo(11);
        assertThat(byCommune.get("27496").get("quantity").decimalValue()).isEqualByComparingTo("275");
        assertThat(firsts.get("remainingQuantity").decimalValue()).isZero();
        assertThat(trace(first).toString()).doesNotContain("h-1").doesNotContain("\"householdId\"");

        JsonNode seconds = trace(second).get("parts").get(0);
        assertThat(seconds.at("/campaigns/0/quantity").decimalValue()).isEqualByComparingTo("225");
        assertThat(seconds.at("/campaigns/0/households").asInt()).isEqualTo(9);
        assertThat(seconds.get("remainingQuantity").decimalValue()).isEqualByComparingTo("275");

        String stockAccount = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("receiptNumber").is(first)), org.bson.Document.class,
                "ledger_entries").getString("accountId");
        assertThat(traces.sharesOf(stockAccount)).isEqualTo(1_225_000L);
    }

    @Test
    void aGiftMeantForACampaignPaysForItFirstAndForOthersOnlyOnceTheRestIsSpent() {
        String cuChi = TestTokens.bearer(CU_CHI, "OFFICER");
        String fundId = openFund(CU_CHI, "Quỹ cứu trợ bão số 9");
        String flood = "lu-" + fundId;
        String tet = "tet-" + fundId;
        String school = "sach-vo-" + fundId;
        String older = give(cuChi, fundId, donor(cuChi, "Ngân hàng Nông nghiệp Củ Chi", "BUSINESS"), 1_000_000L, "BANK", "E-1", null);
        String forFlood = give(cuChi, fundId, donor(cuChi, "Hội đồng hương Quảng Ngãi", "ORGANISATION"), 500_000L, "BANK", "E-2", flood);
        // A batch row can be meant for a campaign too (its CSV column campaignId).
        ApiClient.Response batch = api.post("/api/v1/donations/batch", cuChi, "text/csv", ("fundId,amount,channel,reference,campaignId\n"
                + fundId + ",300000,BANK,E-3,\n" + fundId + ",200000,BANK,E-4," + school + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(batch.status()).isEqualTo(200);
        String newer = receiptOf(fundId, "E-3");
        String forSchool = receiptOf(fundId, "E-4");
        assertThat(mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query.Criteria
                .where("receiptNumber").is(forSchool)), org.bson.Document.class, "ledger_entries").getString("earmark")).isEqualTo(school);

        Fund fund = mongo.findById(fundId, Fund.class);
        ledger.record(fund.account(), Movement.reserved(tet, fundId, 1_300_000L, "Quà Tết"));
        ledger.record(fund.account(), Movement.reserved(flood, fundId, 700_000L, "Cứu trợ lũ"));
        ledger.record(fund.account(), Movement.spentOnDelivery(tet, tet + "-1", fundId, 400_000L, "Quà Tết"));
        ledger.record(fund.account(), Movement.spentOnDelivery(flood, flood + "-1", fundId, 600_000L, "Cứu trợ lũ"));
        ledger.record(fund.account(), Movement.spentOnDelivery(tet, tet + "-2", fundId, 900_000L, "Quà Tết"));

        // The flood's delivery takes the gift meant for it first (500,000), then the oldest money (100,000).
        assertThat(trace(forFlood).at("/parts/0/campaigns/0/campaignId").asString()).isEqualTo(flood);
        assertThat(trace(forFlood).at("/parts/0/campaigns/0/amount").asLong()).isEqualTo(500_000L);
        JsonNode oldest = trace(older).at("/parts/0");
        Map<String, Long> byCampaign = new HashMap<>();
        oldest.get("campaigns").forEach(c -> byCampaign.put(c.get("campaignId").asString(), c.get("amount").asLong()));
        assertThat(byCampaign).containsEntry(tet, 400_000L + 500_000L).containsEntry(flood, 100_000L);
        // Tết's second delivery takes what is left of the oldest (500,000), then the newer gift meant for no one (300,000),
        // and only then a gift meant for the school supplies (100,000 of its 200,000): money meant for no one was spent up.
        assertThat(trace(newer).at("/parts/0/campaigns/0/amount").asLong()).isEqualTo(300_000L);
        JsonNode schools = trace(forSchool).at("/parts/0");
        assertThat(schools.at("/campaigns/0/campaignId").asString()).isEqualTo(tet);
        assertThat(schools.at("/campaigns/0/amount").asLong()).isEqualTo(100_000L);
        assertThat(schools.get("remainingAmount").asLong()).isEqualTo(100_000L);
        assertThat(traces.sharesOf(fundId)).isEqualTo(1_900_000L);
    }

    @Test
    void perishablesGoOutSoonestToExpireFirstAndWhatExpiredUnusedIsReported() {
        String cuChi = TestTokens.bearer(CU_CHI, "OFFICER");
        String greens = "Rau muống " + UUID.randomUUID().toString().substring(0, 6);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String keeps = goods(cuChi, null, greens, 100, null);
        String laterExpiry = goods(cuChi, null, greens, 50, today.plusDays(2));
        String soonerExpiry = goods(cuChi, null, greens, 30, today.plusDays(1));
        String expired = goods(cuChi, null, greens, 20, today.minusDays(1));
        org.bson.Document lot = mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("receiptNumber").is(keeps)), org.bson.Document.class, "ledger_entries");
        vn.ansinh.donation.ledger.Account stock = vn.ansinh.donation.ledger.Account.stock(lot.getString("accountId"), CU_CHI, greens, "kg");
        String campaign = "rau-" + greens.hashCode();
        ledger.record(stock, Movement.reserved(campaign, stock.id(), 100_000L, "Rau cho vùng phong tỏa"));
        ledger.record(stock, Movement.spentOnDelivery(campaign, campaign + "-1", stock.id(), 60_000L, "Rau"));
        ledger.record(stock, Movement.spentOnDelivery(campaign, campaign + "-2", stock.id(), 40_000L, "Rau"));

        // 60 kg: the 30 kg expiring tomorrow, then 30 of the 50 kg expiring the day after; 40 kg: its last 20, then 20 kg that keep.
        assertThat(trace(soonerExpiry).at("/parts/0/campaigns/0/quantity").decimalValue()).isEqualByComparingTo("30");
        assertThat(trace(laterExpiry).at("/parts/0/campaigns/0/quantity").decimalValue()).isEqualByComparingTo("50");
        assertThat(trace(laterExpiry).at("/parts/0/campaigns/0/households").asInt()).isEqualTo(2);
        assertThat(trace(keeps).at("/parts/0/campaigns/0/quantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(trace(keeps).at("/parts/0/remainingQuantity").decimalValue()).isEqualByComparingTo("80");
        assertThat(trace(expired).at("/parts/0/remainingQuantity").decimalValue()).as("expired goods are not handed out")
                .isEqualByComparingTo("20");

        JsonNode report = api.get("/api/v1/stock/expired", cuChi).json();
        List<JsonNode> ours = new java.util.ArrayList<>();
        report.forEach(line -> {
            if (line.get("item").asString().equals(greens)) {
                ours.add(line);
            }
        });
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0).get("receiptNumber").asString()).isEqualTo(expired);
        assertThat(ours.get(0).get("left").decimalValue()).isEqualByComparingTo("20");
        assertThat(ours.get(0).get("expiresOn").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(api.get("/api/v1/stock/expired", TestTokens.bearer(QUAN_1, "OFFICER")).body()).doesNotContain(greens);
        assertThat(traces.sharesOf(stock.id())).isEqualTo(100_000L);
    }

    @Test
    void theSharesFollowTheLedgerWithoutAnyoneAskingForATrace() {
        String cuChi = TestTokens.bearer(CU_CHI, "OFFICER");
        String fundId = openFund(CU_CHI, "Quỹ theo dõi tự động");
        give(cuChi, fundId, donor(cuChi, "Nhà hảo tâm Lê Văn Tám", "INDIVIDUAL"), 2_000_000L, "CASH", null);
        assertThat(api.postJson("/api/v1/funds/" + fundId + "/disbursements", TestTokens.bearer(CU_CHI, "APPROVER"),
                ApiClient.json(Map.of("amount", 750_000, "description", "Hỗ trợ khẩn cấp"))).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            org.bson.Document cursor = mongo.findById(fundId, org.bson.Document.class, Attribution.CURSORS);
            return cursor != null && cursor.get("seq", Number.class).longValue() == 2;
        });
        long shared = mongo.find(org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query
                .Criteria.where("accountId").is(fundId)), GiftShare.class).stream().mapToLong(GiftShare::amount).sum();
        assertThat(shared).isEqualTo(750_000L);
    }

    @Test
    void aReceiptNobodyHoldsIsNotFound() {
        ApiClient.Response missing = api.get("/api/v1/public/donations/783-2026-999999999/trace", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/public/donations/" + "x".repeat(80) + "/trace", null).status()).isEqualTo(400);
    }

    /** How many of the equal Tết gifts (the last one slightly smaller) the money between {@code from} and {@code to} paid into. */
    private static int deliveriesTouched(long from, long to) {
        int firstGift = (int) (from / PER_GIFT);
        int lastGift = (int) Math.min(GIFTS - 1, (to - 1) / PER_GIFT);
        return lastGift - firstGift + 1;
    }

    private JsonNode trace(String receipt) {
        ApiClient.Response found = api.get("/api/v1/public/donations/" + receipt + "/trace", null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    private String donor(String token, String name, String kind) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind));
        if (name != null) {
            body.put("name", name);
        }
        return api.postJson("/api/v1/donors", token, ApiClient.json(body)).json().get("id").asString();
    }

    private String give(String token, String fundId, String donorId, long amount, String channel, String reference) {
        return give(token, fundId, donorId, amount, channel, reference, null);
    }

    private String give(String token, String fundId, String donorId, long amount, String channel, String reference, String campaignId) {
        Map<String, Object> body = new HashMap<>(Map.of("fundId", fundId, "amount", amount, "channel", channel, "donorId", donorId));
        if (reference != null) {
            body.put("reference", reference);
        }
        if (campaignId != null) {
            body.put("campaignId", campaignId);
        }
        return api.postJson("/api/v1/donations", token, ApiClient.json(body)).json().get("receiptNumber").asString();
    }

    private String receiptOf(String fundId, String reference) {
        return mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query.Criteria
                .where("accountId").is(fundId).and("reference").is(reference)), org.bson.Document.class, "ledger_entries")
                .getString("receiptNumber");
    }

    private String goods(String token, String donorId, String item, long kilograms) {
        return goods(token, donorId, item, kilograms, null);
    }

    private String goods(String token, String donorId, String item, long kilograms, java.time.LocalDate expiresOn) {
        Map<String, Object> line = new HashMap<>(Map.of("item", item, "unit", "kg", "quantity", kilograms, "estimatedValue", kilograms * 15_000));
        if (expiresOn != null) {
            line.put("expiresOn", expiresOn.toString());
        }
        Map<String, Object> body = new HashMap<>(Map.of("officeUnitCode", CU_CHI, "items", List.of(line)));
        if (donorId != null) {
            body.put("donorId", donorId);
        }
        ApiClient.Response received = api.postJson("/api/v1/donations", token, ApiClient.json(body));
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        return received.json().get("receiptNumber").asString();
    }

    private void disburse(String token, String fundId, long amount, String reference, String published) {
        assertThat(api.postJson("/api/v1/funds/" + fundId + "/disbursements", token, ApiClient.json(Map.of("amount", amount,
                "description", published + " (" + reference + ")", "reference", reference, "publicDescription", published))).status())
                .isEqualTo(201);
    }

    private static Benefit rice(String item, long thousandths) {
        return new Benefit(List.of(), List.of(new Benefit.Goods(CU_CHI, item, "kg", thousandths)));
    }

    /** Every event is delivered twice, as a broker may: the trace counts each delivery once. */
    private static void publish(String type, String campaignId, Object payload) {
        String eventId = UUID.randomUUID().toString();
        byte[] body = ApiClient.json(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TestEvents.publish(Topics.CAMPAIGNS.name(), eventId, type, campaignId, 0, body);
        TestEvents.publish(Topics.CAMPAIGNS.name(), eventId, type, campaignId, 0, body);
    }
}
