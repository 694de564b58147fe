package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestTokens;

/**
 * Crisis intake at the broker's pace: a batch sent with {@code Prefer: respond-async} is answered 202
 * once every good row is on the broker, each with its donation id, and then reaches the ledger; its
 * progress tells which rows repeated an earlier donation. Resent, redelivered or unreadable rows never
 * count twice and never go missing.
 */
class QueuedBatchIntakeTest extends DonationServiceTest {

    private static final Map<String, String> ASYNC = Map.of("Prefer", "respond-async");
    final String district = TestTokens.bearer("783", "OFFICER");

    @Test
    void aQueuedBatchIsAnsweredWithEachRowsDonationIdAndThenRecordedInTheLedger() {
        String fundId = openFund("783", "Quỹ cứu trợ bão Yagi");
        String otherDistrictsFund = openFund("760", "Quỹ Quận 1 — bão");
        assertThat(donate("783", fundId, 1_000_000, "BANK", "VCB-" + fundId + "-earlier").status()).isEqualTo(202);
        long batchesBefore = mongo.count(new Query(), "donation_batches");
        String body = """
                [{"fundId":"%1$s","amount":500000,"channel":"CASH"},
                 {"fundId":"%1$s","amount":2000000,"channel":"BANK","reference":"VCB-%1$s-1"},
                 {"fundId":"%1$s","amount":2000000,"channel":"BANK","reference":"VCB-%1$s-1"},
                 {"fundId":"%1$s","amount":-300,"channel":"CASH"},
                 {"fundId":"%2$s","amount":100000,"channel":"CASH"},
                 {"fundId":"%1$s","amount":1000000,"channel":"BANK","reference":"VCB-%1$s-earlier"},
                 {"fundId":"%1$s","amount":300000,"channel":"QR","reference":"QR-%1$s-7"}]
                """.formatted(fundId, otherDistrictsFund);

        ApiClient.Response answer = api.postJson("/api/v1/donations/batch", district, body, ASYNC);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().get("preference-applied")).isEqualTo("respond-async");
        JsonNode queued = answer.json();
        String batchId = queued.get("batchId").asString();
        assertThat(answer.headers().get("location")).isEqualTo("/api/v1/donations/batches/" + batchId);
        assertThat(queued.get("queued").asInt()).isEqualTo(5);
        assertThat(queued.get("rejected").asInt()).isEqualTo(2);
        List<String> statuses = new ArrayList<>();
        queued.get("results").forEach(row -> statuses.add(row.get("row").asInt() + ":" + row.get("status").asString()));
        assertThat(statuses).containsExactly("1:QUEUED", "2:QUEUED", "3:QUEUED", "4:REJECTED", "5:REJECTED", "6:QUEUED", "7:QUEUED");
        assertThat(queued.get("results").get(4).get("reason").asString()).contains("no fund");
        assertThat(mongo.count(new Query(), "donation_batches")).isEqualTo(batchesBefore + 1);

        JsonNode progress = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/donations/batches/" + batchId, district).json(), p -> "DONE".equals(p.path("state").asString()));

        assertThat(progress.get("recorded").asLong()).isEqualTo(3);
        assertThat(progress.get("duplicates").asLong()).as("a reference twice in the batch, and one recorded before").isEqualTo(2);
        assertThat(progress.get("waiting").asLong()).isZero();
        List<Integer> repeatedRows = new ArrayList<>();
        progress.get("duplicateRows").forEach(row -> repeatedRows.add(row.get("row").asInt()));
        assertThat(repeatedRows).containsExactly(3, 6);
        assertThat(api.get("/api/v1/funds/" + fundId, district).json().get("received").asLong())
                .isEqualTo(1_000_000 + 500_000 + 2_000_000 + 300_000);
        String firstDonation = queued.get("results").get(0).get("donationId").asString();
        ApiClient.Response donation = api.get("/api/v1/donations/" + firstDonation, district);
        assertThat(donation.status()).as("the id in the answer is the donation's").isEqualTo(200);
        assertThat(donation.json().get("receipt").get("number").asString()).matches("783-\\d{4}-\\d{6}");
        assertThat(mongo.findOne(Query.query(Criteria.where("donationId").is(firstDonation)), org.bson.Document.class, "ledger_entries")
                .getString("recordedBy")).as("the entry names who sent the batch").isEqualTo("test-client-783");
    }

    @Test
    void aBatchResentWithItsKeyAfterTheAnsweringInstanceDiedCountsOnce() {
        String fundId = openFund("783", "Quỹ tiền mặt tại phường");
        // Cash handed over at the office: no bank reference, so only the key tells a resend from new money.
        StringBuilder csv = new StringBuilder("fundId,amount,channel\n");
        for (int row = 1; row <= 2_000; row++) {
            csv.append(fundId).append(',').append(10_000 * (row % 7 + 1)).append(",CASH\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("Prefer", "respond-async", "Idempotency-Key", "cash-batch-" + fundId);

        ApiClient.Response first = api.post("/api/v1/donations/batch", district, "text/csv", body, headers);
        mongo.remove(new Query(), "idempotency_keys"); // the answering instance died before recording its answer
        ApiClient.Response again = api.post("/api/v1/donations/batch", district, "text/csv", body, headers);

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("batchId").asString()).isEqualTo(first.json().get("batchId").asString());
        assertThat(again.json().get("results").get(1999).get("donationId").asString())
                .isEqualTo(first.json().get("results").get(1999).get("donationId").asString());
        String batch = "/api/v1/donations/batches/" + first.json().get("batchId").asString();
        JsonNode progress = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(batch, district).json(), p -> "DONE".equals(p.path("state").asString()));
        assertThat(progress.get("recorded").asLong()).isEqualTo(2_000);
        long expected = 0;
        for (int row = 1; row <= 2_000; row++) {
            expected += 10_000L * (row % 7 + 1);
        }
        // Both sends are on the broker: wait until the second has been read too, then the fund holds the money once.
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("accountId").is(fundId)), "ledger_entries") == 2_000
                && queuedRowsLeft() == 0);
        assertThat(api.get("/api/v1/funds/" + fundId, district).json().get("received").asLong()).isEqualTo(expected);
    }

    @Test
    void aRedeliveredRowChangesNothingAndAnUnreadableOneIsParkedForTheOperators() {
        String fundId = openFund("783", "Quỹ thử gửi lại");
        String donationId = UUID.randomUUID().toString();
        String batchId = UUID.randomUUID().toString();
        byte[] row = ApiClient.json(Map.of("batchId", batchId, "row", 1, "donationId", donationId, "fundId", fundId, "amount", 750_000,
                "channel", "CASH", "receiptNumber", "783-2026-999999", "recordedBy", "can-bo-phuong", "office", "783"))
                .getBytes(StandardCharsets.UTF_8);
        String poisonId = UUID.randomUUID().toString();

        TestEvents.publish("donation.intake", UUID.randomUUID().toString(), "queued-donation", fundId, 0, row);
        TestEvents.publish("donation.intake", UUID.randomUUID().toString(), "queued-donation", fundId, 0, row);
        TestEvents.publish("donation.intake", poisonId, "queued-donation", fundId, 0, "{not json".getBytes(StandardCharsets.UTF_8));

        String admin = TestTokens.bearer("VN", "ADMIN");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode letter : api.get("/api/v1/admin/dead-letters", admin).json()) {
                if (poisonId.equals(letter.path("eventId").asString(null))) {
                    return "donation-intake".equals(letter.get("group").asString());
                }
            }
            return false;
        });
        assertThat(mongo.count(Query.query(Criteria.where("donationId").is(donationId)), "ledger_entries")).isEqualTo(1);
        assertThat(api.get("/api/v1/funds/" + fundId, district).json().get("received").asLong()).as("sent twice, counted once")
                .isEqualTo(750_000);
    }

    @Test
    void aBatchIsFollowedOnlyWithinItsAreaAndBadBatchesAreRefusedWithNothingQueued() {
        String fundId = openFund("783", "Quỹ chỉ của quận");
        ApiClient.Response answer = api.postJson("/api/v1/donations/batch", district,
                "[{\"fundId\":\"" + fundId + "\",\"amount\":100000,\"channel\":\"CASH\"}]", ASYNC);
        String batch = "/api/v1/donations/batches/" + answer.json().get("batchId").asString();
        long batchesBefore = mongo.count(new Query(), "donation_batches");

        assertThat(api.get(batch, TestTokens.bearer("760", "OFFICER")).status()).as("another district").isEqualTo(404);
        assertThat(api.get(batch, TestTokens.bearer("783", "AUDITOR")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/donations/batches/no-such-batch", district).status()).isEqualTo(404);
        ApiClient.Response notAList = api.postJson("/api/v1/donations/batch", district, "{\"fundId\":\"" + fundId + "\"}", ASYNC);
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.contentType()).startsWith("application/problem+json");
        ApiClient.Response malformed = api.postJson("/api/v1/donations/batch", district, "[{\"fundId\": ", ASYNC);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("malformed-body");
        StringBuilder tooMany = new StringBuilder("fundId,amount,channel\n");
        for (int row = 0; row <= 10_000; row++) {
            tooMany.append(fundId).append(",1000,CASH\n");
        }
        assertThat(api.post("/api/v1/donations/batch", district, "text/csv", tooMany.toString().getBytes(StandardCharsets.UTF_8),
                ASYNC).status()).isEqualTo(413);
        assertThat(api.postJson("/api/v1/donations/batch", TestTokens.bearer("783", "AUDITOR"),
                "[{\"fundId\":\"" + fundId + "\",\"amount\":100000,\"channel\":\"CASH\"}]", ASYNC).status()).isEqualTo(403);
        assertThat(mongo.count(new Query(), "donation_batches")).as("nothing queued for refused batches").isEqualTo(batchesBefore);
    }

    /** Rows on the queue the recorder has not read yet (its group's lag). */
    private static long queuedRowsLeft() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("donation-intake")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (int partition = 0; partition < 6; partition++) {
                ends.put(new TopicPartition("donation.intake", partition), OffsetSpec.latest());
            }
            long left = 0;
            for (var end : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata read = committed.get(end.getKey());
                left += end.getValue().offset() - (read == null ? 0 : read.offset());
            }
            return left;
        }
    }
}
