package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/** A crisis burst: thousands of donations in one request, good and bad rows mixed, batches arriving at once. */
class BatchIntakeTest extends DonationServiceTest {

    final String district = TestTokens.bearer("783", "OFFICER");

    @Test
    void goodRowsAreRecordedBadRowsAreReportedAndARepeatedReferenceCountsOnce() {
        String fundId = openFund("783", "Quỹ cứu trợ lũ lụt");
        String otherDistrictsFund = openFund("760", "Quỹ Quận 1");
        long entriesBefore = ledgerEntries();
        String body = """
                [{"fundId":"%1$s","amount":500000,"channel":"CASH"},
                 {"fundId":"%1$s","amount":2000000,"channel":"BANK","reference":"TCB-%1$s-1"},
                 {"fundId":"%1$s","amount":2000000,"channel":"BANK","reference":"TCB-%1$s-1"},
                 {"fundId":"%1$s","amount":-300,"channel":"CASH"},
                 {"fundId":"%2$s","amount":100000,"channel":"CASH"},
                 {"fundId":"%1$s","amount":100000,"channel":"GOLD"},
                 {"fundId":"%1$s","amount":1000.5,"channel":"CASH"}]
                """.formatted(fundId, otherDistrictsFund);

        ApiClient.Response answer = api.postJson("/api/v1/donations/batch", district, body);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode result = answer.json();
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("duplicates").asInt()).isEqualTo(1);
        assertThat(result.get("rejected").asInt()).isEqualTo(4);
        List<String> statuses = new ArrayList<>();
        result.get("results").forEach(row -> statuses.add(row.get("row").asInt() + ":" + row.get("status").asString()));
        assertThat(statuses).containsExactly("1:ACCEPTED", "2:ACCEPTED", "3:DUPLICATE", "4:REJECTED", "5:REJECTED",
                "6:REJECTED", "7:REJECTED");
        assertThat(result.get("results").get(2).get("donationId").asString())
                .isEqualTo(result.get("results").get(1).get("donationId").asString());
        assertThat(result.get("results").get(3).get("reason").asString()).contains("amount");
        assertThat(ledgerEntries()).isEqualTo(entriesBefore + 2);
        assertThat(api.get("/api/v1/funds/" + fundId, district).json().get("received").asLong()).isEqualTo(2_500_000L);
    }

    @Test
    void tenThousandDonationsInCsvAreRecordedOnceEvenWhenTheFileIsSentAgain() {
        String fundId = openFund("783", "Quỹ Vì người nghèo — đợt cao điểm");
        byte[] csv = csv(fundId, 10_000);

        JsonNode first = api.post("/api/v1/donations/batch", district, "text/csv", csv).json();
        JsonNode again = api.post("/api/v1/donations/batch", district, "text/csv", csv).json();

        assertThat(first.get("accepted").asInt()).isEqualTo(10_000);
        assertThat(again.get("duplicates").asInt()).isEqualTo(10_000);
        JsonNode fund = api.get("/api/v1/funds/" + fundId, district).json();
        assertThat(fund.get("received").asLong()).isEqualTo(expectedTotal(10_000));
        assertThat(api.get("/api/v1/funds/" + fundId + "/ledger?size=1&page=9999", district).json().get("content")
                .get(0).get("balanceAfter").asLong()).as("the last entry's running balance").isEqualTo(expectedTotal(10_000));
    }

    @Test
    void moreThanTenThousandRowsAreRefusedAndNothingIsStored() {
        String fundId = openFund("783", "Quỹ thử giới hạn");
        long before = ledgerEntries();

        ApiClient.Response refused = api.post("/api/v1/donations/batch", district, "text/csv", csv(fundId, 10_001));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(ledgerEntries()).isEqualTo(before);
    }

    @Test
    void batchesBeyondWhatTheServiceTakesAtOnceAreToldToComeBackLater() throws Exception {
        String fundId = openFund("783", "Quỹ thử quá tải");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Response>> senders = new ArrayList<>();
        for (int sender = 0; sender < 3; sender++) {
            byte[] csv = csv(fundId + "-" + sender, fundId, 10_000);
            senders.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.post("/api/v1/donations/batch", district, "text/csv", csv);
            }));
        }
        start.countDown();

        List<ApiClient.Response> answers = new ArrayList<>();
        for (CompletableFuture<ApiClient.Response> sender : senders) {
            answers.add(sender.get());
        }
        assertThat(answers).extracting(ApiClient.Response::status).contains(200, 429);
        ApiClient.Response busy = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
        assertThat(busy.headers().get("retry-after")).isEqualTo("2");
        long accepted = answers.stream().filter(a -> a.status() == 200).count();
        assertThat(api.get("/api/v1/funds/" + fundId, district).json().get("received").asLong())
                .as("only the batches that were taken count").isEqualTo(accepted * expectedTotal(10_000));
    }

    private static byte[] csv(String fundId, int rows) {
        return csv(fundId, fundId, rows);
    }

    private static byte[] csv(String referencePrefix, String fundId, int rows) {
        StringBuilder csv = new StringBuilder("fundId,amount,channel,reference\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(fundId).append(',').append(amount(i)).append(",QR,QR-").append(referencePrefix).append('-').append(i).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long amount(int row) {
        return 50_000L + (row % 20) * 10_000L;
    }

    private static long expectedTotal(int rows) {
        long total = 0;
        for (int i = 1; i <= rows; i++) {
            total += amount(i);
        }
        return total;
    }
}
