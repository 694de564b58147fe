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

    @Test
    void aCampaignCannotReserveAnotherOfficesFundOrStockAndLearnsNothingOfTheirBalance() {
        String cuChiFund = openFund("783", "Quỹ Vì người nghèo Củ Chi");
        donate("783", cuChiFund, 123_456_789L, "CASH", null);
        String rice = "Gạo " + UUID.randomUUID().toString().substring(0, 6);
        api.postJson("/api/v1/donations", cuChi, ApiClient.json(Map.of("officeUnitCode", "783", "items",
                List.of(Map.of("item", rice, "unit", "kg", "quantity", 777, "estimatedValue", 1_000_000)))));
        String quan1Money = "quan1-money-" + cuChiFund;
        String quan1Rice = "quan1-rice-" + cuChiFund;
        String communeMoney = "commune-money-" + cuChiFund;

        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, quan1Money, new CampaignReservationRequested(quan1Money, "760",
                new Benefit(List.of(new Benefit.Money(cuChiFund, 1_000_000L)), List.of())));
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, quan1Rice, new CampaignReservationRequested(quan1Rice, "760",
                new Benefit(List.of(), List.of(new Benefit.Goods("783", rice, "kg", 10_000L)))));
        // A commune may not pay out of its district's fund either: the fund is above it, not below.
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, communeMoney, new CampaignReservationRequested(communeMoney, "27547",
                new Benefit(List.of(new Benefit.Money(cuChiFund, 1_000_000L)), List.of())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(answers(quan1Money)).singleElement().satisfies(answer -> assertThat(answer.type())
                    .isEqualTo(EventTypes.RESERVATION_REJECTED));
            assertThat(answers(quan1Rice)).singleElement().satisfies(answer -> assertThat(answer.type())
                    .isEqualTo(EventTypes.RESERVATION_REJECTED));
            assertThat(answers(communeMoney)).hasSize(1);
        });
        assertThat(answers(quan1Money).get(0).payload()).contains("fund-not-usable")
                .doesNotContain("123456789").doesNotContain("123.456.789");
        // 777 kg in stock, as a quantity of its own (a random id may hold the digits 777 inside it)
        assertThat(answers(quan1Rice).get(0).payload()).contains("stock-not-usable").doesNotContainPattern("(?<![0-9A-Za-z])777(?![0-9A-Za-z])");
        assertThat(answers(communeMoney).get(0).payload()).contains("fund-not-usable");
        assertThat(fund(cuChiFund).get("reserved").asLong()).isZero();
        assertThat(stockOf(rice).get("reserved").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aDeliveryIsSpentOnlyOutOfItsOwnCampaignsShareAndACloseWaitsForTheDeliveriesRecordedBeforeIt() {
        String fundId = openFund("783", "Quỹ cứu trợ giãn cách");
        donate("783", fundId, 10_000_000L, "CASH", null);
        String lockdown = "lockdown-" + fundId;
        String tet = "tet-" + fundId;
        String small = "small-" + fundId;
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, lockdown, new CampaignReservationRequested(lockdown, "783", money(fundId, 3_000_000L)));
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, tet, new CampaignReservationRequested(tet, "783", money(fundId, 5_000_000L)));
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, small, new CampaignReservationRequested(small, "783", money(fundId, 1_000_000L)));
        await().atMost(Duration.ofSeconds(20)).until(() -> fund(fundId).get("reserved").asLong() == 9_000_000L);

        // The small campaign holds 1,000,000: its second delivery may not take from what Tết holds.
        twice(EventTypes.DELIVERY_RECORDED, small, new DeliveryRecorded(small + "-1", small, "h-1", "27547", money(fundId, 1_000_000L)));
        twice(EventTypes.DELIVERY_RECORDED, small, new DeliveryRecorded(small + "-2", small, "h-2", "27547", money(fundId, 1_000_000L)));
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(small + "-2") != null);
        assertThat(outcome(small + "-2").getString("outcome")).isEqualTo("REFUSED");
        assertThat(fund(fundId).get("spent").asLong()).isEqualTo(1_000_000L);
        assertThat(fund(fundId).get("reserved").asLong()).isEqualTo(8_000_000L);

        // The lockdown round closed after two deliveries, but its close reaches donation-service before them.
        twice(EventTypes.CAMPAIGN_CLOSED, lockdown, new CampaignClosed(lockdown, "Kết thúc giãn cách", 2L, 0L));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(lockdown, org.bson.Document.class,
                "campaign_reservations").get("closeRequestedAt") != null);
        assertThat(fund(fundId).get("reserved").asLong()).as("nothing is given back before the deliveries it counted")
                .isEqualTo(8_000_000L);
        twice(EventTypes.DELIVERY_RECORDED, lockdown, new DeliveryRecorded(lockdown + "-1", lockdown, "h-3", "27547",
                money(fundId, 1_000_000L)));
        twice(EventTypes.DELIVERY_RECORDED, lockdown, new DeliveryRecorded(lockdown + "-2", lockdown, "h-4", "27547",
                money(fundId, 1_000_000L)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(mongo.findById(lockdown, org.bson.Document.class,
                "campaign_reservations").getString("state")));
        JsonNode afterClose = fund(fundId);
        assertThat(afterClose.get("spent").asLong()).as("both deliveries before the close were paid").isEqualTo(3_000_000L);
        assertThat(afterClose.get("reserved").asLong()).as("the lockdown's last 1,000,000 went back; Tết keeps its 5,000,000")
                .isEqualTo(5_000_000L);

        // A delivery the close did not count arrives afterwards: refused, it spends neither released money nor Tết's.
        twice(EventTypes.DELIVERY_RECORDED, lockdown, new DeliveryRecorded(lockdown + "-3", lockdown, "h-5", "27547",
                money(fundId, 1_000_000L)));
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(lockdown + "-3") != null);
        assertThat(outcome(lockdown + "-3").getString("outcome")).isEqualTo("REFUSED");
        assertThat(fund(fundId).get("spent").asLong()).isEqualTo(3_000_000L);
        assertThat(fund(fundId).get("reserved").asLong()).isEqualTo(5_000_000L);
        assertThat(fund(fundId).get("available").asLong()).isEqualTo(2_000_000L);
    }

    @Test
    void aRevertThatOvertakesItsDeliveryCancelsTheSpendAndTheCloseCountsBoth() {
        String fundId = openFund("783", "Quỹ hỗ trợ đợt 2");
        donate("783", fundId, 4_000_000L, "CASH", null);
        String campaign = "round-" + fundId;
        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, campaign, new CampaignReservationRequested(campaign, "783", money(fundId, 2_000_000L)));
        await().atMost(Duration.ofSeconds(20)).until(() -> fund(fundId).get("reserved").asLong() == 2_000_000L);

        twice(EventTypes.CAMPAIGN_CLOSED, campaign, new CampaignClosed(campaign, "Kết thúc", 1L, 1L));
        twice(EventTypes.DELIVERY_REVERTED, campaign, new DeliveryReverted(campaign + "-1", campaign, "h-1", money(fundId, 1_000_000L),
                "Ghi nhầm hộ"));
        twice(EventTypes.DELIVERY_RECORDED, campaign, new DeliveryRecorded(campaign + "-1", campaign, "h-1", "27547",
                money(fundId, 1_000_000L)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(mongo.findById(campaign, org.bson.Document.class,
                "campaign_reservations").getString("state")));
        JsonNode money = fund(fundId);
        assertThat(money.get("spent").asLong()).isZero();
        assertThat(money.get("reserved").asLong()).isZero();
        assertThat(money.get("available").asLong()).isEqualTo(4_000_000L);
    }

    @Test
    void twoLinesOfOneItemReserveAndSpendBothQuantities() {
        String rice = "Gạo " + UUID.randomUUID().toString().substring(0, 6);
        api.postJson("/api/v1/donations", cuChi, ApiClient.json(Map.of("officeUnitCode", "783", "items",
                List.of(Map.of("item", rice, "unit", "kg", "quantity", 1_000, "estimatedValue", 15_000_000)))));
        String campaign = "two-lines-" + rice.hashCode();
        Benefit twoLines = new Benefit(List.of(), List.of(new Benefit.Goods("783", rice, "kg", 100_000L),
                new Benefit.Goods("783", rice.toLowerCase(), "kg", 50_000L)));

        twice(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, campaign, new CampaignReservationRequested(campaign, "783", twoLines));
        await().atMost(Duration.ofSeconds(20)).until(() -> !answers(campaign).isEmpty());
        assertThat(stockOf(rice).get("reserved").decimalValue()).isEqualByComparingTo("150");
        twice(EventTypes.DELIVERY_RECORDED, campaign, new DeliveryRecorded(campaign + "-1", campaign, "h-1", "27547", twoLines));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(stockOf(rice).get("delivered").decimalValue()).isEqualByComparingTo("150"));
        assertThat(stockOf(rice).get("reserved").decimalValue()).isEqualByComparingTo("0");
        assertThat(stockOf(rice).get("onHand").decimalValue()).isEqualByComparingTo("850");
    }

    private org.bson.Document outcome(String deliveryId) {
        return mongo.findById("spend:" + deliveryId, org.bson.Document.class, "delivery_outcomes");
    }

    private static Benefit money(String fundId, long amount) {
        return new Benefit(List.of(new Benefit.Money(fundId, amount)), List.of());
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
