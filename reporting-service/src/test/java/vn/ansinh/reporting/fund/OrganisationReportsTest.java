package vn.ansinh.reporting.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundEntryRecorded;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.events.donation.OrganisationRegistered;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Phường Vĩnh Ngươn's money read organisation by organisation: the ward's own fund, the Women's Union's
 * fund and its campaign, the veterans' association that has raised nothing yet — and the ward's total,
 * which is the funds added up once.
 */
class OrganisationReportsTest extends ReportingServiceTest {

    static final String VINH_NGUON = "30328";
    static final String WARD_FUND = "fund-vinh-nguon-" + UUID.randomUUID();
    static final String UNION_FUND = "fund-vinh-nguon-hlhpn-" + UUID.randomUUID();
    static final String UNION_CAMPAIGN = "campaign-vinh-nguon-hlhpn-" + UUID.randomUUID();

    @BeforeAll
    static void aWardWithOrganisations() {
        TestEvents.publishUnit("89", "Tỉnh An Giang", "PROVINCE", null);
        TestEvents.publishUnit("884", "Thành phố Châu Đốc", "DISTRICT", "89");
        TestEvents.publishUnit(VINH_NGUON, "Phường Vĩnh Ngươn", "COMMUNE", "884");
        OrganisationRegistered union = new OrganisationRegistered(VINH_NGUON, "HLHPN", "Hội Liên hiệp Phụ nữ phường Vĩnh Ngươn");
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.ORGANISATION_REGISTERED, VINH_NGUON + ":HLHPN", 0, union);
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.ORGANISATION_REGISTERED, VINH_NGUON + ":HLHPN", 0, union); // redelivered
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.ORGANISATION_REGISTERED, VINH_NGUON + ":CCB", 0,
                new OrganisationRegistered(VINH_NGUON, "CCB", "Hội Cựu chiến binh phường Vĩnh Ngươn"));
        fund(WARD_FUND, "Quỹ Vì người nghèo phường Vĩnh Ngươn", null, 12_000_000L, 2_000_000L);
        fund(UNION_FUND, "Quỹ Hội Phụ nữ phường Vĩnh Ngươn", "HLHPN", 4_000_000L, 0L);
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_APPROVED, UNION_CAMPAIGN, 3,
                new CampaignApproved(UNION_CAMPAIGN, "Tết cho phụ nữ đơn thân", VINH_NGUON, LocalDate.of(2027, 1, 20),
                        LocalDate.of(2027, 2, 5), new Benefit(List.of(new Benefit.Money(UNION_FUND, 500_000L)), List.of()),
                        Map.of(VINH_NGUON, 7L), null, 1, 7, null, "HLHPN"));
        // Rice into the union's store twice (the second redelivered), noodles into the ward's own.
        String rice = "goods-vinh-nguon-" + UUID.randomUUID();
        InKindDonationReceived toTheUnion = new InKindDonationReceived(rice, VINH_NGUON, List.of(new InKindDonationReceived.Item("Gạo",
                "kg", new java.math.BigDecimal("500"), 7_500_000L)), Instant.now(), "HLHPN");
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.IN_KIND_DONATION_RECEIVED, rice, 0, toTheUnion);
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.IN_KIND_DONATION_RECEIVED, rice, 0, toTheUnion);
        String noodles = "goods-vinh-nguon-" + UUID.randomUUID();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.IN_KIND_DONATION_RECEIVED, noodles, 0, new InKindDonationReceived(noodles,
                VINH_NGUON, List.of(new InKindDonationReceived.Item("Mì tôm", "thùng", new java.math.BigDecimal("20"), 2_000_000L)),
                Instant.now()));
    }

    private static void fund(String id, String name, String organisation, long received, long spent) {
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_OPENED, id, 0,
                new FundOpened(id, name, VINH_NGUON, "Hỗ trợ hộ khó khăn", organisation));
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_ENTRY_RECORDED, id, 1,
                new FundEntryRecorded(id, VINH_NGUON, 1, "RECEIVED", received, null, received, 0, 0, Instant.now()));
        if (spent > 0) {
            TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_ENTRY_RECORDED, id, 2,
                    new FundEntryRecorded(id, VINH_NGUON, 2, "SPENT", spent, null, received, 0, spent, Instant.now()));
        }
        String donation = UUID.randomUUID().toString();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, donation, 0,
                new CashDonationReceived(donation, id, VINH_NGUON, received, "CASH", Instant.now()));
    }

    private final String ward = TestTokens.bearer(VINH_NGUON, "OFFICER");

    @Test
    void theWardsMoneyByOrganisationAddsUpToItsTotal() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode report = api.get("/api/v1/reports/funds/by-organisation?unit=" + VINH_NGUON, ward).json();
            assertThat(report.get("total").get("received").asLong()).isEqualTo(16_000_000L);
            assertThat(report.get("total").get("campaigns").asInt()).isEqualTo(1);
            assertThat(report.get("lines")).hasSize(3);
            assertThat(report.get("total").get("goodsValue").asLong()).isEqualTo(9_500_000L);
        });
        JsonNode report = api.get("/api/v1/reports/funds/by-organisation?unit=" + VINH_NGUON, ward).json();
        JsonNode own = report.get("lines").get(0);
        JsonNode veterans = report.get("lines").get(1);
        JsonNode union = report.get("lines").get(2);

        assertThat(own.get("organisationCode").isNull()).as("the ward's own line first").isTrue();
        assertThat(own.get("received").asLong()).isEqualTo(12_000_000L);
        assertThat(own.get("spent").asLong()).isEqualTo(2_000_000L);
        assertThat(own.get("balance").asLong()).isEqualTo(10_000_000L);
        assertThat(veterans.get("organisationCode").asString()).isEqualTo("CCB");
        assertThat(veterans.get("funds").asInt()).as("registered, nothing raised yet").isZero();
        assertThat(union.get("organisationName").asString()).isEqualTo("Hội Liên hiệp Phụ nữ phường Vĩnh Ngươn");
        assertThat(union.get("received").asLong()).isEqualTo(4_000_000L);
        assertThat(union.get("cashDonations").asLong()).isEqualTo(1);
        assertThat(union.get("campaigns").asInt()).isEqualTo(1);
        assertThat(union.get("approvedHouseholds").asLong()).isEqualTo(7);
        assertThat(union.get("goodsDonations").asLong()).as("the rice, told twice, once").isEqualTo(1);
        assertThat(union.get("goodsValue").asLong()).isEqualTo(7_500_000L);
        assertThat(own.get("goodsValue").asLong()).as("the noodles in the ward's own store").isEqualTo(2_000_000L);
        assertThat(veterans.get("goodsDonations").asLong()).isZero();
        assertThat(report.get("total").get("balance").asLong()).isEqualTo(14_000_000L);

        JsonNode unionFunds = api.get("/api/v1/reports/funds?unit=" + VINH_NGUON + "&organisationCode=HLHPN", ward).json();
        JsonNode wardsOwn = api.get("/api/v1/reports/funds?unit=" + VINH_NGUON + "&organisationCode=OFFICE", ward).json();
        assertThat(unionFunds.findValuesAsString("fundId")).containsExactly(UNION_FUND);
        assertThat(unionFunds.get(0).get("organisationCode").asString()).isEqualTo("HLHPN");
        assertThat(wardsOwn.findValuesAsString("fundId")).containsExactly(WARD_FUND);
    }

    @Test
    void anotherOfficeDoesNotReadTheWardsOrganisationsAndBadCodesAreRefused() {
        assertThat(api.get("/api/v1/reports/funds/by-organisation?unit=" + VINH_NGUON, TestTokens.bearer("783", "OFFICER")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/reports/funds?unit=" + VINH_NGUON + "&organisationCode=hội", ward).status()).isEqualTo(400);
    }
}
