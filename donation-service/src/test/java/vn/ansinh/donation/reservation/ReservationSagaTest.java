package vn.ansinh.donation.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Campaigns of Củ Chi ask for money and rice through events, as distribution-service will: one is
 * confirmed, delivered and closed; one asks for more rice than there is and is rejected with its
 * money given back. Every event is also sent twice.
 */
class ReservationSagaTest extends DonationServiceTest {

    final String cuChi = TestTokens.bearer("783", "OFFICER");

    @Test
    void reserveDeliverAndCloseAllOrNothingAndEachEventCountsOnce() {
        String fundId = openFund("783", "Quỹ hỗ trợ giãn cách");
        donate("783", fundId, 10_000_000L, "BANK", "REF-" + fundId);
        String rice = "Gạo " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.postJson("/api/v1/donations", cuChi, ApiClient.json(Map.of("officeUnitCode", "783", "items",
                List.of(Map.of("item", rice, "unit", "kg", "quantity", 1_000, "estimatedValue", 15_000_000))))).status())
                .isEqualTo(202);
        String lockdown = "lockdown-" + fundId;
        String tet = "tet-" + fundId;

        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, lockdown, new CampaignReservationRequested(lockdown, "783",
                benefit(fundId, 6_000_000L, rice, 800_000L)));
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, tet, new CampaignReservationRequested(tet, "783",
                benefit(fundId, 1_000_000L, rice, 300_000L)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(answers(lockdown)).extracting(PublishedEvents.Event::type).containsExactly(EventTypes.RESERVATION_CONFIRMED);
            assertThat(answers(tet)).extracting(PublishedEvents.Event::type).containsExactly(EventTypes.RESERVATION_REJECTED);
        });
        assertThat(answers(tet).get(0).payload()).contains("insufficient-stock").contains(rice);
        assertThat(fund(fundId).get("reserved").asLong()).as("the rejected campaign's money was given back").isEqualTo(6_000_000L);
        assertThat(stockOf(rice).get("reserved").decimalValue()).isEqualByComparingTo("800");

        for (int household = 1; household <= 3; household++) {
            String delivery = lockdown + "-delivery-" + household;
            twice(EventTypes.DELIVERY_RECORDED, lockdown, new DeliveryRecorded(delivery, lockdown, "household-" + household, "27547",
                    benefit(fundId, 2_000_000L, rice, 100_000L)));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(fund(fundId).get("spent").asLong()).isEqualTo(6_000_000L);
            assertThat(stockOf(rice).get("delivered").decimalValue()).isEqualByComparingTo("300");
        });

        // The third handover was recorded by mistake and reverted: its share goes back into the reservation, once.
        twice(EventTypes.DELIVERY_REVERTED, lockdown, new DeliveryReverted(lockdown + "-delivery-3", lockdown, "household-3",
                benefit(fundId, 2_000_000L, rice, 100_000L), "Ghi nhầm hộ"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(fund(fundId).get("spent").asLong()).isEqualTo(4_000_000L);
            assertThat(fund(fundId).get("reserved").asLong()).isEqualTo(2_000_000L);
            assertThat(stockOf(rice).get("delivered").decimalValue()).isEqualByComparingTo("200");
        });

        twice(EventTypes.CAMPAIGN_CLOSED, lockdown, new CampaignClosed(lockdown, "Kết thúc giãn cách"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode riceNow = stockOf(rice);
            assertThat(riceNow.get("reserved").decimalValue()).isEqualByComparingTo("0");
            assertThat(riceNow.get("onHand").decimalValue()).isEqualByComparingTo("800");
            assertThat(riceNow.get("available").decimalValue()).isEqualByComparingTo("800");
        });
        JsonNode money = fund(fundId);
        assertThat(money.get("reserved").asLong()).isZero();
        assertThat(money.get("balance").asLong()).isEqualTo(6_000_000L);
        assertThat(money.get("available").asLong()).isEqualTo(6_000_000L);
    }

    private void twice(String type, String campaignId, Object payload) {
        String eventId = UUID.randomUUID().toString();
        byte[] body = ApiClient.json(payload).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TestEvents.publish(Topics.CAMPAIGNS.name(), eventId, type, campaignId, 0, body);
        TestEvents.publish(Topics.CAMPAIGNS.name(), eventId, type, campaignId, 0, body);
    }

    private static Benefit benefit(String fundId, long amount, String item, long thousandths) {
        return new Benefit(List.of(new Benefit.Money(fundId, amount)), List.of(new Benefit.Goods("783", item, "kg", thousandths)));
    }

    private List<PublishedEvents.Event> answers(String campaignId) {
        return PublishedEvents.readAll(Topics.RESERVATIONS.name()).stream().filter(e -> campaignId.equals(e.key())).toList();
    }

    private JsonNode fund(String fundId) {
        return api.get("/api/v1/funds/" + fundId, cuChi).json();
    }

    private JsonNode stockOf(String item) {
        for (JsonNode line : api.get("/api/v1/stock?officeUnitCode=783", cuChi).json()) {
            if (line.get("item").asString().equals(item)) {
                return line;
            }
        }
        throw new AssertionError("no " + item);
    }
}
