package vn.ansinh.donation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/** Goods arrive at an office, get a receipt number and add up in its stock, item by item. */
class GoodsAndStockTest extends DonationServiceTest {

    final String quan1 = TestTokens.bearer("760", "OFFICER");

    @Autowired
    InKindDonationService goods;

    @Test
    void goodsAddToTheOfficesStockAndTheSameItemTypedDifferentlyIsOneLine() {
        ApiClient.Response first = give(quan1, Map.of("officeUnitCode", "760", "items", List.of(
                Map.of("item", "Gạo", "unit", "kg", "quantity", 10_000, "estimatedValue", 150_000_000),
                Map.of("item", "Mì gói", "unit", "thùng", "quantity", 500, "estimatedValue", 60_000_000))));
        ApiClient.Response second = give(quan1, Map.of("officeUnitCode", "760", "items", List.of(
                Map.of("item", "gạo ", "unit", "KG", "quantity", 2500.5, "estimatedValue", 37_507_500))));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.json().get("kind").asString()).isEqualTo("GOODS");
        String firstReceipt = first.json().get("receiptNumber").asString();
        String secondReceipt = second.json().get("receiptNumber").asString();
        assertThat(firstReceipt).matches("^760-20[0-9]{2}-[0-9]{6}$");
        assertThat(Long.parseLong(secondReceipt.substring(9))).isEqualTo(Long.parseLong(firstReceipt.substring(9)) + 1);
        JsonNode rice = line(stock("760"), "Gạo");
        assertThat(rice.get("onHand").decimalValue()).isEqualByComparingTo("12500.5");
        assertThat(rice.get("available").decimalValue()).isEqualByComparingTo("12500.5");
        assertThat(line(stock("760"), "Mì gói").get("onHand").decimalValue()).isEqualByComparingTo("500");
        String donationId = first.json().get("id").asString();
        // Its receipt is the goods' receipt, never a cash one read from the stock's ledger (same donation id there).
        JsonNode receipt = api.get("/api/v1/donations/" + donationId, quan1).json();
        assertThat(receipt.get("kind").asString()).isEqualTo("GOODS");
        assertThat(receipt.get("items")).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PublishedEvents.readAll(Topics.DONATIONS.name())
                .stream().filter(e -> donationId.equals(e.key())).map(PublishedEvents.Event::type).toList())
                .containsExactly(EventTypes.IN_KIND_DONATION_RECEIVED));
    }

    @Test
    void badGoodsAreRefusedWithTheirFieldAndNothingIsStored() {
        long donations = mongo.count(new Query(), InKindDonation.class);
        long entries = ledgerEntries();

        for (Map<String, Object> line : List.<Map<String, Object>>of(
                Map.of("item", "Gạo", "unit", "kg", "quantity", 0, "estimatedValue", 1),
                Map.of("item", "Gạo", "unit", "kg", "quantity", 1.2345, "estimatedValue", 1),
                Map.of("item", "Gạo", "quantity", 5, "estimatedValue", 1),
                Map.of("item", "Gạo", "unit", "kg", "quantity", 5, "estimatedValue", -1))) {
            ApiClient.Response refused = give(quan1, Map.of("officeUnitCode", "760", "items", List.of(line)));
            assertThat(refused.status()).as(line.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).startsWith("items[0].");
        }
        assertThat(give(TestTokens.bearer("27547", "OFFICER"), Map.of("officeUnitCode", "760", "items", List.of(
                Map.of("item", "Gạo", "unit", "kg", "quantity", 5, "estimatedValue", 1)))).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stock?officeUnitCode=760", TestTokens.bearer("27547", "OFFICER")).status()).isEqualTo(403);
        assertThat(mongo.count(new Query(), InKindDonation.class)).isEqualTo(donations);
        assertThat(ledgerEntries()).isEqualTo(entries);
    }

    @Test
    void goodsWhoseStockEntriesACrashInterruptedAreAddedByTheSweepOnce() {
        InKindDonation interrupted = new InKindDonation("crashed-" + System.nanoTime(), "760", null, null, "760-2026-999999",
                List.of(new InKindDonation.Line("Nước suối", "chai", 240_000, 1_200_000, null)), Instant.now().minusSeconds(120));
        mongo.insert(interrupted);

        goods.finishInterrupted();
        goods.finishInterrupted();

        assertThat(line(stock("760"), "Nước suối").get("onHand").decimalValue()).isEqualByComparingTo("240");
        assertThat(mongo.findById(interrupted.getId(), InKindDonation.class).isStockApplied()).isTrue();
    }

    private ApiClient.Response give(String token, Map<String, Object> body) {
        return api.postJson("/api/v1/donations", token, ApiClient.json(body));
    }

    private JsonNode stock(String office) {
        return api.get("/api/v1/stock?officeUnitCode=" + office, TestTokens.bearer(office, "OFFICER")).json();
    }

    private static JsonNode line(JsonNode stock, String item) {
        for (JsonNode line : stock) {
            if (line.get("item").asString().equals(item)) {
                return line;
            }
        }
        throw new AssertionError("no " + item + " in " + stock);
    }
}
