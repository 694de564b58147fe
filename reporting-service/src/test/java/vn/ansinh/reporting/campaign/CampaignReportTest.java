package vn.ansinh.reporting.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.VerificationUpdated;
import vn.ansinh.events.donation.ReservationAnswered;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * What a campaign's report adds to its list: Cầu Kho paying workers under the city's resolution in
 * rounds (each round's report, and the programme's totals — payments added over the rounds, households
 * reached counted once), and the verification after delivery (the sample, the outcomes, the verified rate).
 */
class CampaignReportTest extends ReportingServiceTest {

    @Test
    void aProgrammeReportsEachRoundAndTheTotalsOverItsRounds() {
        String first = "nq09-" + UUID.randomUUID();
        String second = "nq09-r2-" + UUID.randomUUID();
        approve(first, first, 1, "Hỗ trợ theo Nghị quyết 09", 3, 5, 7_500_000L);
        approve(second, first, 2, "Hỗ trợ theo Nghị quyết 09 – đợt 2", 3, 5, 7_500_000L);
        // The same two households paid in both rounds, one more in the second; two people each.
        deliver(first, "h-1", 3_000_000L, 2);
        deliver(first, "h-2", 2_500_000L, 2);
        deliver(second, "h-1", 3_000_000L, 2);
        deliver(second, "h-2", 2_500_000L, 2);
        deliver(second, "h-3", 2_000_000L, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode programme = api.get("/api/v1/reports/programmes/" + first, TestTokens.bearer(QUAN_1, "OFFICER")).json();
            assertThat(programme.get("name").asString()).isEqualTo("Hỗ trợ theo Nghị quyết 09");
            assertThat(programme.get("rounds").findValuesAsString("campaignId")).containsExactly(first, second);
            assertThat(programme.get("rounds").get(1).get("round").asInt()).isEqualTo(2);
            assertThat(programme.get("rounds").get(1).get("deliveredPersons").asLong()).isEqualTo(5);
            assertThat(programme.get("rounds").get(1).get("approvedPersons").asLong()).isEqualTo(5);
            assertThat(programme.get("rounds").get(1).get("cashApproved").asLong()).isEqualTo(7_500_000L);
            JsonNode total = programme.get("total");
            assertThat(total.get("rounds").asInt()).isEqualTo(2);
            assertThat(total.get("approvedHouseholds").asLong()).isEqualTo(6);
            assertThat(total.get("payments").asLong()).isEqualTo(5);
            assertThat(total.get("householdsReached").asLong()).as("h-1 and h-2 paid twice count once").isEqualTo(3);
            assertThat(total.get("deliveredPersons").asLong()).isEqualTo(9);
            assertThat(total.get("cashDelivered").asLong()).isEqualTo(13_000_000L);
        });
        JsonNode round = api.get("/api/v1/reports/campaigns/" + second, TestTokens.bearer(QUAN_1, "OFFICER")).json();
        assertThat(round.get("programmeId").asString()).isEqualTo(first);
        assertThat(api.get("/api/v1/reports/programmes/" + first, TestTokens.bearer(CU_CHI, "OFFICER")).status())
                .as("another district learns nothing of it").isEqualTo(404);
        assertThat(api.get("/api/v1/reports/programmes/" + first, TestTokens.bearer(CAU_KHO, "OFFICER")).status())
                .as("the ward sees its own part").isEqualTo(200);
    }

    @Test
    void theCampaignReportShowsTheSampleTheOutcomesAndTheVerifiedRateInTheCommunesTheReaderSees() {
        String campaign = "verified-" + UUID.randomUUID();
        approve(campaign, campaign, 1, "Quà Tết Cầu Kho", 10, 30, 5_000_000L);
        // Three deliveries drawn; one received in full, one not received (its case answered later), one not yet asked.
        verification(campaign, "v-1", 0, null, null);
        verification(campaign, "v-2", 0, null, null);
        verification(campaign, "v-3", 0, null, null);
        verification(campaign, "v-1", 1, "RECEIVED_IN_FULL", null);
        verification(campaign, "v-2", 1, "NOT_RECEIVED", "OPEN");
        verification(campaign, "v-2", 2, "NOT_RECEIVED", "ANSWERED");
        verification(campaign, "v-2", 1, "NOT_RECEIVED", "OPEN"); // redelivered late: the answer stands

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode figures = api.get("/api/v1/reports/campaigns/" + campaign, TestTokens.bearer(QUAN_1, "OFFICER")).json()
                    .get("verification");
            assertThat(figures.get("sampled").asLong()).isEqualTo(3);
            assertThat(figures.get("verified").asLong()).isEqualTo(2);
            assertThat(figures.get("receivedInFull").asLong()).isEqualTo(1);
            assertThat(figures.get("notReceived").asLong()).isEqualTo(1);
            assertThat(figures.get("verifiedRatePercent").decimalValue()).isEqualByComparingTo("50.00");
            assertThat(figures.get("openCases").asLong()).isZero();
        });
    }

    private static void verification(String campaign, String id, long sequence, String outcome, String caseState) {
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.VERIFICATION_UPDATED, campaign + id, sequence,
                new VerificationUpdated(campaign + id, campaign, CAU_KHO, outcome, caseState));
    }

    private static void approve(String campaign, String programme, int round, String name, long households, long persons, long cash) {
        Benefit total = new Benefit(List.of(new Benefit.Money("fund-nq09", cash)), List.of());
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_APPROVED, campaign, 3,
                new CampaignApproved(campaign, name, QUAN_1, LocalDate.of(2022, 3, 1), null,
                        new Benefit(List.of(), List.of()), Map.of(CAU_KHO, households), programme, round, persons, total));
        TestEvents.publish(Topics.RESERVATIONS.name(), EventTypes.RESERVATION_CONFIRMED, campaign, 1,
                new ReservationAnswered(campaign, null, null));
    }

    private static void deliver(String campaign, String household, long cash, int persons) {
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.DELIVERY_RECORDED, campaign, 0,
                new DeliveryRecorded(campaign + ":" + household, campaign, household, CAU_KHO,
                        new Benefit(List.of(new Benefit.Money("fund-nq09", cash)), List.of()), persons));
    }
}
