package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

class CashDonationTest extends DonationServiceTest {

    @Autowired
    OutboxRelay relay;

    @Autowired
    vn.ansinh.donation.ledger.Ledger ledger;

    @Test
    void donationsAddUpInTheFundAndABankReferenceCountsOnce() {
        String fundId = openFund("783", "Quỹ Vì người nghèo huyện Củ Chi");

        assertThat(donate(fundId, 500_000_000L, "BANK", "VCB-2021-0001").status()).isEqualTo(202);
        ApiClient.Response first = donate(fundId, 124_845_000L, "BANK", "VCB-2021-0002");
        ApiClient.Response resent = donate(fundId, 124_845_000L, "BANK", "VCB-2021-0002");
        assertThat(donate(fundId, 0L, "CASH", null).status()).isEqualTo(400);

        assertThat(resent.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        var fund = api.get("/api/v1/funds/" + fundId, TestTokens.bearer("783", "OFFICER")).json();
        assertThat(fund.get("received").asLong()).isEqualTo(624_845_000L);
        assertThat(fund.get("balance").asLong()).isEqualTo(624_845_000L);
        assertThat(fund.get("available").asLong()).isEqualTo(624_845_000L);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                PublishedEvents.readAll(Topics.DONATIONS.name()).stream()
                        .filter(e -> e.payload().contains(fundId))
                        .filter(e -> e.type().equals(EventTypes.CASH_DONATION_RECEIVED)).toList()).hasSize(2));
    }

    @Test
    void aBankReferenceAnotherOfficeAlreadyUsedIsANewDonationOfThisOfficesFundAndDisclosesNothing() {
        String cuChiFund = openFund("783", "Quỹ cứu trợ Củ Chi");
        String quan1Fund = openFund("760", "Quỹ cứu trợ Quận 1");
        String reference = "FT21230" + cuChiFund.substring(0, 8);
        ApiClient.Response cuChi = donate("783", cuChiFund, 5_000_000L, "BANK", reference);

        ApiClient.Response quan1 = donate("760", quan1Fund, 2_000_000L, "BANK", reference);

        assertThat(quan1.status()).isEqualTo(202);
        assertThat(quan1.json().get("id").asString()).isNotEqualTo(cuChi.json().get("id").asString());
        assertThat(quan1.body()).doesNotContain(cuChiFund).doesNotContain("5000000").doesNotContain(cuChi.json().get("receiptNumber").asString());
        assertThat(api.get("/api/v1/funds/" + quan1Fund, TestTokens.bearer("760", "OFFICER")).json().get("received").asLong())
                .as("Quận 1's gift is recorded in Quận 1's fund").isEqualTo(2_000_000L);
        assertThat(api.get("/api/v1/funds/" + cuChiFund, TestTokens.bearer("783", "OFFICER")).json().get("received").asLong())
                .isEqualTo(5_000_000L);
        assertThat(donate("760", quan1Fund, 2_000_000L, "BANK", reference).json().get("id").asString())
                .as("within one fund the reference still counts once").isEqualTo(quan1.json().get("id").asString());
    }

    @Test
    void anIdempotencyKeyReplaysOnlyTheSameRequestAndAKeyLeftByACrashedRequestExpires() {
        String fundId = openFund("783", "Quỹ hỗ trợ khẩn cấp");
        String cuChi = TestTokens.bearer("783", "OFFICER");
        String key = "quay-thu-" + fundId;
        String body = ApiClient.json(Map.of("fundId", fundId, "amount", 1_000_000, "channel", "CASH"));
        ApiClient.Response first = api.postJson("/api/v1/donations", cuChi, body, Map.of("Idempotency-Key", key));
        ApiClient.Response repeat = api.postJson("/api/v1/donations", cuChi, body, Map.of("Idempotency-Key", key));
        long entries = ledgerEntries();

        ApiClient.Response otherBody = api.postJson("/api/v1/donations", cuChi,
                ApiClient.json(Map.of("fundId", fundId, "amount", 9_000_000, "channel", "CASH")), Map.of("Idempotency-Key", key));

        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(otherBody.status()).as("a key reused for another gift is not the first gift's answer").isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(otherBody.json().get("code").asString()).isEqualTo("idempotency-key-reused");
        assertThat(ledgerEntries()).isEqualTo(entries);

        // A request that died while running left its key IN_PROGRESS three minutes ago: the key works again.
        String crashedKey = "crashed-" + fundId;
        mongo.insert(new org.bson.Document("_id", vn.ansinh.platform.web.IdempotencyKeyFilter.idOf("test-client-783", "POST",
                "/api/v1/donations", crashedKey)).append("state", "IN_PROGRESS")
                .append("createdAt", java.time.Instant.now().minus(Duration.ofMinutes(3))), "idempotency_keys");
        ApiClient.Response retried = api.postJson("/api/v1/donations", cuChi, body, Map.of("Idempotency-Key", crashedKey));
        assertThat(retried.status()).isEqualTo(202);
        assertThat(api.get("/api/v1/funds/" + fundId, cuChi).json().get("received").asLong()).isEqualTo(2_000_000L);
    }

    @Test
    void aCommuneCannotTakeMoneyIntoAnotherDistrictsFund() {
        String fundId = openFund("760", "Quỹ Vì người nghèo Quận 1");
        long before = ledgerEntries();

        ApiClient.Response refused = api.postJson("/api/v1/donations", TestTokens.bearer("27547", "OFFICER"),
                ApiClient.json(Map.of("fundId", fundId, "amount", 1_000_000, "channel", "CASH")));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ledgerEntries()).isEqualTo(before);
    }

    @Test
    void absurdAmountsAndWrongTypesAreRefusedAndNothingIsStored() {
        String fundId = openFund("783", "Quỹ cứu trợ khẩn cấp");
        long before = ledgerEntries();

        for (String body : List.of(
                "{\"fundId\":\"" + fundId + "\",\"amount\":-5000,\"channel\":\"CASH\"}",
                "{\"fundId\":\"" + fundId + "\",\"amount\":99999999999999999,\"channel\":\"CASH\"}",
                "{\"fundId\":\"" + fundId + "\",\"amount\":\"một triệu\",\"channel\":\"CASH\"}",
                "{\"fundId\":\"" + fundId + "\",\"amount\":1000.5,\"channel\":\"CASH\"}",
                "{\"fundId\":\"" + fundId + "\",\"amount\":1000,\"channel\":\"GOLD\"}")) {
            ApiClient.Response refused = api.postJson("/api/v1/donations", TestTokens.bearer("783", "OFFICER"), body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(body).isIn("amount", "channel");
        }
        relay.drainOnce();
        assertThat(ledgerEntries()).isEqualTo(before);
    }

    @Test
    void giftsArrivingTogetherAreEachRecordedAsTheirSendersAndNumberedWithoutGapsOrRepeats() throws Exception {
        String fundId = openFund("760", "Quỹ cứu trợ Quận 1 " + java.util.UUID.randomUUID());
        String tag = fundId.substring(0, 8);
        ApiClient.Response before = donate("760", fundId, 1_000_000L, "BANK", "VCB-" + tag + "-first");
        ApiClient.Response resent = donate("760", fundId, 1_000_000L, "BANK", "VCB-" + tag + "-first");
        assertThat(resent.json().get("receiptNumber").asString()).as("a re-sent notification is the same receipt")
                .isEqualTo(before.json().get("receiptNumber").asString());

        // Forty gifts at once, half recorded by the district, half by the city: they share the fund's batches.
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<ApiClient.Response>> sent = new java.util.ArrayList<>();
        for (int n = 0; n < 40; n++) {
            String office = n % 2 == 0 ? "760" : "79";
            int number = n;
            sent.add(senders.submit(() -> donate(office, fundId, 100_000L + number, "BANK", "VCB-" + tag + "-" + number)));
        }
        Map<String, String> senderOf = new java.util.HashMap<>();
        java.util.Set<String> numbers = new java.util.TreeSet<>();
        for (int n = 0; n < 40; n++) {
            ApiClient.Response answer = sent.get(n).get();
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            senderOf.put(answer.json().get("id").asString(), n % 2 == 0 ? "760" : "79");
            numbers.add(answer.json().get("receiptNumber").asString());
        }
        senders.shutdown();
        ApiClient.Response after = donate("760", fundId, 1_000_000L, "BANK", "VCB-" + tag + "-last");

        assertThat(numbers).as("forty receipts, forty numbers").hasSize(40);
        long first = sequenceOf(before), last = sequenceOf(after);
        assertThat(last - first).as("no number taken by the re-sent notification, none skipped").isEqualTo(41);
        assertThat(numbers).allSatisfy(number -> assertThat(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)))
                .isBetween(first + 1, last - 1));
        for (org.bson.Document entry : mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("donationId").in(senderOf.keySet())),
                org.bson.Document.class, "ledger_entries")) {
            assertThat(entry.getString("recordedBy")).as("each gift recorded as its own sender's")
                    .endsWith(senderOf.get(entry.getString("donationId")));
        }
    }

    @Test
    void aGiftAfterAnotherWriterTookTheFundsNextNumberStillAddsUpToTheDong() {
        String fundId = openFund("783", "Quỹ cứu trợ Củ Chi " + java.util.UUID.randomUUID());
        String tag = fundId.substring(0, 8);
        ApiClient.Response first = donate(fundId, 1_000_000L, "BANK", "VCB-" + tag + "-1");
        assertThat(first.status()).isEqualTo(202);
        // Another instance's writer records a gift into the same fund: this instance's writer last left the totals at entry 1.
        vn.ansinh.donation.fund.Fund fund = mongo.findById(fundId, vn.ansinh.donation.fund.Fund.class);
        ledger.record(fund.account(), vn.ansinh.donation.ledger.Movement.received("other-instance-" + tag, 2_000_000L,
                "other-" + tag, null, "BANK", "VCB-" + tag + "-other", null));

        ApiClient.Response next = donate(fundId, 3_000_000L, "BANK", "VCB-" + tag + "-2");

        assertThat(next.status()).as(next.body()).isEqualTo(202);
        assertThat(sequenceOf(next) - sequenceOf(first)).as("the retried batch keeps the receipt number it drew: no gap").isEqualTo(1);
        assertThat(api.get("/api/v1/funds/" + fundId, TestTokens.bearer("783", "OFFICER")).json().get("received").asLong())
                .as("every gift once, none written over").isEqualTo(6_000_000L);
        List<vn.ansinh.donation.ledger.LedgerEntry> entries = ledger.entries(fund.account().id(), 0, 10);
        assertThat(entries).extracting(vn.ansinh.donation.ledger.LedgerEntry::getSeq).containsExactly(1L, 2L, 3L);
        assertThat(entries).extracting(vn.ansinh.donation.ledger.LedgerEntry::getAmount).containsExactly(1_000_000L, 2_000_000L, 3_000_000L);
    }

    private static long sequenceOf(ApiClient.Response donation) {
        String number = donation.json().get("receiptNumber").asString();
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private ApiClient.Response donate(String fundId, long amount, String channel, String reference) {
        return donate("783", fundId, amount, channel, reference);
    }
}
