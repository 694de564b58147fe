package vn.ansinh.donation.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/** Money and donors leave a trail naming the person: who opened a fund, took a donation, read a donor. */
class MoneyAuditTest extends DonationServiceTest {

    @org.springframework.beans.factory.annotation.Autowired
    private vn.ansinh.platform.events.OutboxRelay relay;

    private static final String TREASURER = "Bearer " + TestTokens.token("hoa.le", "783", List.of("OFFICER"), Duration.ofMinutes(30));
    private static final String AUDITOR = TestTokens.bearer("783", "AUDITOR");

    @Test
    void aFundItsDonationsAndItsDonorsAreRecordedWithThePersonWhoActed() {
        String fundId = api.postJson("/api/v1/funds", TREASURER, ApiClient.json(Map.of("name", "Quỹ Vì người nghèo xã",
                "officeUnitCode", "783", "purpose", "Hỗ trợ hộ nghèo"))).json().path("id").asString();
        String donorId = api.postJson("/api/v1/donors", TREASURER, ApiClient.json(Map.of("name", "Trần Văn Phúc",
                "kind", "INDIVIDUAL", "phone", "0903123456"))).json().path("id").asString();
        assertThat(api.postJson("/api/v1/donations", TREASURER, ApiClient.json(Map.of("fundId", fundId, "amount", 1_500_000,
                "channel", "CASH", "donorId", donorId))).status()).isEqualTo(202);
        assertThat(api.postJson("/api/v1/donations", TREASURER, ApiClient.json(Map.of("fundId", fundId, "amount", 10.5,
                "channel", "CASH"))).status()).as("refused: no record").isEqualTo(400);
        assertThat(api.get("/api/v1/donors/" + donorId, TREASURER).status()).isEqualTo(200);

        JsonNode opened = only("?subject=" + fundId);
        assertThat(opened.path("action").asString()).isEqualTo("fund.opened");
        assertThat(opened.path("actor").asString()).isEqualTo("hoa.le");
        JsonNode received = only("?actor=hoa.le&action=ledger.received");
        assertThat(received.path("unitCode").asString()).isEqualTo("783");
        assertThat(received.path("changes").toString()).contains("\"field\":\"amount\",\"before\":null,\"after\":1500000")
                .contains("\"field\":\"recordedBy\",\"before\":null,\"after\":\"hoa.le\"")
                .contains("\"field\":\"donorId\",\"before\":null,\"after\":\"" + donorId + "\"");
        JsonNode registered = only("?subject=" + donorId + "&action=donor.registered");
        assertThat(registered.path("changes").toString()).contains("0903123456").doesNotContain("searchName");
        JsonNode read = only("?subject=" + donorId + "&action=donor.read");
        assertThat(read.path("kind").asString()).isEqualTo("READ");
        assertThat(read.path("actor").asString()).isEqualTo("hoa.le");
    }

    @Test
    void goodsIntoStockADisbursementAndABatchAreRecordedToo() {
        String storekeeper = "Bearer " + TestTokens.token("tuan.vo", "783", List.of("OFFICER", "APPROVER"), Duration.ofMinutes(30));
        String fundId = api.postJson("/api/v1/funds", storekeeper, ApiClient.json(Map.of("name", "Quỹ cứu trợ bão lũ",
                "officeUnitCode", "783", "purpose", "Bão lũ"))).json().path("id").asString();
        String goodsId = api.postJson("/api/v1/donations", storekeeper, ApiClient.json(Map.of("officeUnitCode", "783", "items",
                List.of(Map.of("item", "Gạo tẻ " + fundId.substring(0, 8), "unit", "kg", "quantity", 500,
                        "estimatedValue", 7_500_000))))).json().path("id").asString();
        assertThat(api.postJson("/api/v1/donations/batch", storekeeper, """
                [{"fundId":"%1$s","amount":3000000,"channel":"BANK","reference":"VCB-%1$s"}]""".formatted(fundId)).status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/funds/" + fundId + "/disbursements", storekeeper, ApiClient.json(Map.of("amount", 1_000_000,
                "description", "Hỗ trợ khẩn cấp hộ bà Nguyễn Thị Bảy"))).status()).isLessThan(300);

        assertThat(only("?subject=" + goodsId).path("actor").asString()).isEqualTo("tuan.vo");
        JsonNode received = all("?actor=tuan.vo&action=ledger.received", 2);
        assertThat(received.toString()).as("the rice into stock and the batch's bank transfer")
                .contains("\"field\":\"unit\",\"before\":null,\"after\":\"kg\"").contains("VCB-" + fundId);
        JsonNode paidOut = only("?actor=tuan.vo&action=ledger.spent");
        assertThat(paidOut.path("changes").toString()).contains("\"field\":\"amount\",\"before\":null,\"after\":1000000")
                .contains("Hỗ trợ khẩn cấp");
    }

    @Test
    void recordsLeftInOutboxesAsJsonByAnEarlierVersionAndRecordsCarriedAsDocumentsAreBothStoredBySweep() {
        // A fund as an earlier version left it after a crash: its audit record waits in the outbox as JSON text.
        String oldFund = "quy-cu-" + java.util.UUID.randomUUID();
        String newFund = "quy-moi-" + java.util.UUID.randomUUID();
        java.util.Date at = java.util.Date.from(java.time.Instant.parse("2026-11-02T03:04:05Z"));
        org.bson.Document record = new org.bson.Document("_id", "rec-" + oldFund).append("at", at).append("kind", "CHANGE")
                .append("action", "fund.opened").append("subjectType", "fund").append("subjectId", oldFund).append("unitCode", "783")
                .append("actor", "hoa.le").append("changes", List.of(new org.bson.Document("field", "name").append("before", null)
                        .append("after", "Quỹ cũ").append("at", at)));
        mongo.insert(new org.bson.Document("_id", oldFund).append("name", "Quỹ cũ").append("officeUnitCode", "783")
                .append("outbox", List.of(outboxEntry("rec-" + oldFund, oldFund).append("payload", record.toJson()))), "funds");
        // And one as this version writes it: the record itself, a document.
        org.bson.Document carried = new org.bson.Document(record).append("_id", "rec-" + newFund).append("subjectId", newFund);
        mongo.insert(new org.bson.Document("_id", newFund).append("name", "Quỹ mới").append("officeUnitCode", "783")
                .append("outbox", List.of(outboxEntry("rec-" + newFund, newFund).append("auditRecord", carried))), "funds");

        relay.drainOnce();

        for (String fund : List.of(oldFund, newFund)) {
            JsonNode stored = only("?subject=" + fund);
            assertThat(stored.path("action").asString()).isEqualTo("fund.opened");
            assertThat(stored.path("actor").asString()).isEqualTo("hoa.le");
            assertThat(stored.path("changes").toString()).contains("\"after\":\"Quỹ cũ\"");
            org.bson.Document inTrail = mongo.findById("rec-" + fund, org.bson.Document.class, "audit");
            assertThat(inTrail.get("at")).as("a time stays a time in either form").isEqualTo(at);
            assertThat(mongo.findById(fund, org.bson.Document.class, "funds").getList("outbox", Object.class))
                    .as("moved out of the fund's outbox").isEmpty();
        }
    }

    private static org.bson.Document outboxEntry(String id, String subject) {
        return new org.bson.Document("eventId", id).append("topic", "local.audit").append("type", "fund.opened")
                .append("subject", subject).append("sequence", 0L).append("time", new java.util.Date());
    }

    private JsonNode all(String query, int expected) {
        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit" + query, AUDITOR).json(),
                found -> found.path("totalElements").asLong() >= expected);
        assertThat(page.path("totalElements").asLong()).as(query).isEqualTo(expected);
        return page.path("content");
    }

    private JsonNode only(String query) {
        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit" + query, AUDITOR).json(),
                found -> found.path("totalElements").asLong() >= 1);
        assertThat(page.path("totalElements").asLong()).as(query).isEqualTo(1);
        return page.path("content").get(0);
    }
}
