package vn.ansinh.reporting.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.CampaignListMerged;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundEntryRecorded;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.events.donation.ReservationAnswered;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.NeedChanged;
import vn.ansinh.platform.csv.CsvRecords;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * A district's relief round told by events (households, a need, a fund, cash and rice, an approved
 * list, deliveries and a reverted one) and read back as the district sees it: the summary rolled up
 * from its communes, the campaign's and the fund's reports, the upward report in CSV and XLSX, and
 * the public map with small counts hidden and nobody identifiable.
 */
class ReportsTest extends ReportingServiceTest {

    static final String PROVINCE = "96";
    static final String DISTRICT = "964";
    static final String XA_A = "32101";
    static final String XA_B = "32102";
    static final String XA_C = "32103";
    static final String CAMPAIGN = "campaign-thoi-binh-" + UUID.randomUUID();
    static final List<String> HOUSEHOLD_IDS = new ArrayList<>();

    @BeforeAll
    static void aReliefRoundInThoiBinh() {
        TestEvents.publishUnit(PROVINCE, "Tỉnh Cà Mau", "PROVINCE", null);
        TestEvents.publishUnit(DISTRICT, "Huyện Thới Bình", "DISTRICT", PROVINCE);
        TestEvents.publishUnit(XA_A, "Xã Biển Bạch", "COMMUNE", DISTRICT);
        TestEvents.publishUnit(XA_B, "Xã Tân Bằng", "COMMUNE", DISTRICT);
        TestEvents.publishUnit(XA_C, "Xã Trí Phải", "COMMUNE", DISTRICT);
        // The district's households this year from the yearly statistics: what its rates are divided by.
        int thisYear = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        TestEvents.publish(Topics.ADMIN_UNITS.name(), EventTypes.UNIT_STATISTICS_RECORDED, DISTRICT + ":" + thisYear, 1,
                new vn.ansinh.events.registry.UnitStatisticsRecorded(DISTRICT, thisYear, 180L, null, null, null, null));
        List<String> xaA = households(XA_A, "POOR", 6, "Ấp 1", "ấp 1 ", "Ấp 2");
        households(XA_B, "NEAR_POOR", 2, "Ấp Tân Thành");
        households(XA_B, "NONE", 3, "Ấp Tân Thành");
        List<String> xaC = households(XA_C, "POOR", 1);
        String need = UUID.randomUUID().toString();
        TestEvents.publish(Topics.NEEDS.name(), EventTypes.NEED_SUBMITTED, need, 1,
                new NeedChanged(need, XA_C, List.of("FOOD"), "SUBMITTED", null, Instant.now()));

        String fund = "fund-thoi-binh-" + UUID.randomUUID();
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_OPENED, fund, 0,
                new FundOpened(fund, "Quỹ Vì người nghèo huyện Thới Bình", DISTRICT, "Túi an sinh"));
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_ENTRY_RECORDED, fund, 1,
                new FundEntryRecorded(fund, DISTRICT, 1, "RECEIVED", 30_000_000L, null, 30_000_000L, 0, 0, Instant.now()));
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.FUND_ENTRY_RECORDED, fund, 2,
                new FundEntryRecorded(fund, DISTRICT, 2, "RESERVED", 8_000_000L, CAMPAIGN, 30_000_000L, 8_000_000L, 0, Instant.now()));
        String donation = UUID.randomUUID().toString();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, donation, 0,
                new CashDonationReceived(donation, fund, DISTRICT, 30_000_000L, "BANK", Instant.now()));
        String rice = UUID.randomUUID().toString();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.IN_KIND_DONATION_RECEIVED, rice, 0,
                new InKindDonationReceived(rice, DISTRICT, List.of(new InKindDonationReceived.Item("Gạo", "kg",
                        new BigDecimal("500"), 7_500_000L)), Instant.now()));

        Benefit share = new Benefit(List.of(new Benefit.Money(fund, 1_000_000L)),
                List.of(new Benefit.Goods(DISTRICT, "Gạo", "kg", 10_000L)));
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_APPROVED, CAMPAIGN, 3,
                new CampaignApproved(CAMPAIGN, "Túi an sinh mùa hạn mặn", DISTRICT, LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 4, 30), share, Map.of(XA_A, 6L, XA_B, 2L)));
        TestEvents.publish(Topics.RESERVATIONS.name(), EventTypes.RESERVATION_CONFIRMED, CAMPAIGN, 1,
                new ReservationAnswered(CAMPAIGN, null, null));
        for (int i = 0; i < 5; i++) {
            String delivery = CAMPAIGN + "-delivery-" + i;
            TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.DELIVERY_RECORDED, CAMPAIGN, 0,
                    new DeliveryRecorded(delivery, CAMPAIGN, xaA.get(i), XA_A, share));
        }
        // The fifth was a mistake, reverted; the reversal even overtakes nothing but is delivered twice.
        DeliveryReverted reverted = new DeliveryReverted(CAMPAIGN + "-delivery-4", CAMPAIGN, xaA.get(4), share, "nhầm hộ");
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.DELIVERY_REVERTED, CAMPAIGN, 1, reverted);
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.DELIVERY_REVERTED, CAMPAIGN, 1, reverted);
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.DELIVERY_RECORDED, CAMPAIGN, 0,
                new DeliveryRecorded(CAMPAIGN + "-delivery-c", CAMPAIGN, xaC.get(0), XA_C, share));
        HOUSEHOLD_IDS.addAll(xaA);
        HOUSEHOLD_IDS.addAll(xaC);
    }

    @Test
    void theDistrictSeesItsFiguresRolledUpFromItsCommunes() {
        JsonNode district = awaitDistrictComplete();
        assertThat(district.get("households").asLong()).isEqualTo(12);
        assertThat(district.get("poorHouseholds").asLong()).isEqualTo(7);
        assertThat(district.get("nearPoorHouseholds").asLong()).isEqualTo(2);
        // 7 poor and 2 near-poor of the district's 180 households (not of the 12 on the registry).
        assertThat(district.get("povertyRatePercent").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(district.get("poorRatePercent").decimalValue()).isEqualByComparingTo("3.89");
        assertThat(district.get("nearPoorRatePercent").decimalValue()).isEqualByComparingTo("1.11");
        assertThat(district.get("needsOpen").asLong()).isEqualTo(1);
        assertThat(district.get("cashReceived").asLong()).isEqualTo(30_000_000L);
        assertThat(district.get("inKindValue").asLong()).isEqualTo(7_500_000L);
        assertThat(district.get("approvedHouseholds").asLong()).isEqualTo(8);
        assertThat(district.get("deliveredHouseholds").asLong()).as("four in Biển Bạch, one outside the list").isEqualTo(5);
        assertThat(district.get("coveragePercent").asDouble()).isEqualTo(62.5);
        assertThat(district.get("cashDelivered").asLong()).isEqualTo(5_000_000L);
        JsonNode riceOut = district.get("goodsDelivered").get(0);
        assertThat(riceOut.get("quantity").decimalValue()).isEqualByComparingTo("50");
        assertThat(riceOut.get("value").asLong()).as("priced at the donors' 15,000 đ/kg").isEqualTo(750_000L);

        JsonNode rows = units(DISTRICT, "VN").get("rows");
        Map<String, JsonNode> byCode = new java.util.HashMap<>();
        rows.forEach(row -> byCode.put(row.get("unitCode").asString(), row));
        assertThat(byCode.get(XA_A).get("poorHouseholds").asLong()).isEqualTo(6);
        assertThat(byCode.get(XA_A).get("deliveredHouseholds").asLong()).isEqualTo(4);
        assertThat(byCode.get(XA_B).get("nearPoorHouseholds").asLong()).isEqualTo(2);
        assertThat(byCode.get(XA_B).get("households").asLong()).isEqualTo(5);
        assertThat(byCode.get(DISTRICT).get("cashReceived").asLong()).as("the district office's own row").isEqualTo(30_000_000L);
        assertThat(summary(PROVINCE, "VN").get("households").asLong()).isEqualTo(12);

        JsonNode campaign = api.get("/api/v1/reports/campaigns/" + CAMPAIGN, TestTokens.bearer(DISTRICT, "OFFICER")).json();
        assertThat(campaign.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(campaign.get("approvedHouseholds").asLong()).isEqualTo(8);
        assertThat(campaign.get("deliveredHouseholds").asLong()).isEqualTo(5);
        assertThat(campaign.get("goodsDelivered").get(0).get("quantity").decimalValue()).isEqualByComparingTo("50");
        JsonNode communeView = api.get("/api/v1/reports/campaigns/" + CAMPAIGN, TestTokens.bearer(XA_B, "OFFICER")).json();
        assertThat(communeView.get("communes")).hasSize(1);
        assertThat(communeView.get("approvedHouseholds").asLong()).as("a commune sees its own part").isEqualTo(2);

        JsonNode funds = api.get("/api/v1/reports/funds?unit=" + DISTRICT, TestTokens.bearer(DISTRICT, "OFFICER")).json();
        assertThat(funds).hasSize(1);
        assertThat(funds.get(0).get("received").asLong()).isEqualTo(30_000_000L);
        assertThat(funds.get(0).get("reserved").asLong()).isEqualTo(8_000_000L);
        assertThat(funds.get(0).get("available").asLong()).isEqualTo(22_000_000L);
        assertThat(funds.get(0).get("cashDonations").asLong()).isEqualTo(1);
    }

    @Test
    void aDuplicateMergedAwayFromAnApprovedListCountsOnceWhateverTheOrderAndHoweverOftenItIsTold() {
        String campaign = "campaign-cau-kho-" + UUID.randomUUID();
        Benefit share = new Benefit(List.of(new Benefit.Money("fund-cau-kho", 500_000L)), List.of());
        CampaignListMerged merged = new CampaignListMerged(campaign, "h-dup", "h-kept", CAU_KHO);
        // The merge is told before the approval it refers to, and twice.
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_LIST_MERGED, campaign, 0, merged);
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_APPROVED, campaign, 1,
                new CampaignApproved(campaign, "Quà Tết Cầu Kho", QUAN_1, LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 5),
                        share, Map.of(CAU_KHO, 40L)));
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.CAMPAIGN_LIST_MERGED, campaign, 0, merged);
        TestEvents.publish(Topics.RESERVATIONS.name(), EventTypes.RESERVATION_CONFIRMED, campaign, 1,
                new ReservationAnswered(campaign, null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var report = api.get("/api/v1/reports/campaigns/" + campaign, TestTokens.bearer(QUAN_1, "OFFICER"));
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.json().get("state").asString()).isEqualTo("ACTIVE");
            assertThat(report.json().get("approvedHouseholds").asLong()).isEqualTo(39);
            assertThat(report.json().get("communes").get(0).get("approvedHouseholds").asLong()).isEqualTo(39);
        });
    }

    @Test
    void theUpwardReportParsesBackFromCsvAndXlsx() throws Exception {
        awaitDistrictComplete();
        HttpResponse<byte[]> csv = download("/api/v1/reports/export?unit=" + DISTRICT + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("an-sinh-964-").contains(".csv");
        List<List<String>> records = CsvRecords.parse(new String(csv.body(), StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        Map<String, List<String>> byUnit = records.stream().skip(1).collect(Collectors.toMap(r -> r.get(1), r -> r));
        assertThat(cell(byUnit.get("Xã Biển Bạch"), header, "Hộ nghèo")).isEqualTo("6");
        assertThat(cell(byUnit.get("Xã Tân Bằng"), header, "Số hộ trong danh sách quản lý")).isEqualTo("5");
        assertThat(cell(byUnit.get("Xã Tân Bằng"), header, "Tỷ lệ hộ nghèo (%)")).isEqualTo("Chưa có số liệu");
        List<String> total = byUnit.get("Tổng cộng Huyện Thới Bình");
        assertThat(cell(total, header, "Tỷ lệ hộ nghèo và cận nghèo (%)")).isEqualTo("5.00");
        assertThat(cell(total, header, "Gạo (kg) nhận - số lượng")).isEqualTo("500");
        assertThat(cell(total, header, "Gạo (kg) đã trao - số lượng")).isEqualTo("50");
        assertThat(cell(total, header, "Gạo (kg) đã trao - giá trị ước tính (đồng)")).isEqualTo("750000");
        assertThat(cell(total, header, "Hộ đã nhận")).isEqualTo("5");

        HttpResponse<byte[]> xlsx = download("/api/v1/reports/export?unit=" + DISTRICT + "&format=xlsx");
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            assertThat(sheet.get(0).getCellText(0)).startsWith("Báo cáo an sinh xã hội - Huyện Thới Bình");
            List<String> xlsxHeader = new ArrayList<>();
            sheet.get(1).forEach(c -> xlsxHeader.add(c.getText()));
            assertThat(xlsxHeader).isEqualTo(header);
            Row xaA = sheet.stream().filter(r -> "Xã Biển Bạch".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(xaA.getCellAsNumber(header.indexOf("Hộ nghèo")).orElseThrow()).isEqualByComparingTo("6");
            assertThat(xaA.getCellAsNumber(header.indexOf("Hộ đã nhận")).orElseThrow()).isEqualByComparingTo("4");
        }
        assertThat(download("/api/v1/reports/export?unit=" + DISTRICT + "&format=pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void thePublicMapHidesSmallCountsAndNamesNoOne() throws Exception {
        awaitDistrictComplete();
        JsonNode map = api.get("/api/v1/public/map?unit=" + DISTRICT, null).json();
        assertThat(map.get("minCount").asInt()).isEqualTo(5);
        assertThat(api.get("/api/v1/public/map?unit=" + DISTRICT, null).json().get("asOf").asString())
                .as("asked again at once: the same map, not computed again").isEqualTo(map.get("asOf").asString());
        Map<String, JsonNode> areas = new java.util.HashMap<>();
        map.get("areas").forEach(area -> areas.put(area.get("name").asString(), area));
        JsonNode bienBach = areas.get("Xã Biển Bạch");
        assertThat(bienBach.get("inNeed").asLong()).isEqualTo(6);
        assertThat(bienBach.get("helped").isNull()).as("4 helped is small").isTrue();
        assertThat(bienBach.get("approved").isNull()).as("hidden too: Tân Bằng's 2 approved = 8 - 6 otherwise").isTrue();
        assertThat(areas.get("Xã Tân Bằng").get("inNeed").isNull()).isTrue();
        assertThat(areas.get("Xã Tân Bằng").get("suppressed").toString()).contains("inNeed", "approved");
        assertThat(areas.get("Xã Tân Bằng").get("helped").asLong()).as("none is not a small count").isZero();
        assertThat(areas.get("Xã Trí Phải").get("helped").isNull()).isTrue();
        assertThat(map.get("total").get("inNeed").asLong()).isEqualTo(10);
        assertThat(map.get("total").get("helped").asLong()).isEqualTo(5);

        JsonNode commune = api.get("/api/v1/public/map?unit=" + XA_A, null).json();
        assertThat(commune.get("areas")).as("Ấp 1 and 'ấp 1 ' are one hamlet").hasSize(2);

        // Every public answer, scanned for anything that could identify a family.
        StringBuilder everything = new StringBuilder();
        for (String unit : List.of("VN", PROVINCE, DISTRICT, XA_A, XA_B, XA_C, "27547")) {
            var response = api.get("/api/v1/public/map?unit=" + unit, null);
            assertThat(response.status()).isEqualTo(200);
            everything.append(response.body());
        }
        everything.append(api.get("/api/v1/public/dashboard-config", null).body());
        for (String page : List.of("/", "/map.html", "/assets/dashboard.js", "/assets/map.js")) {
            var response = api.get(page, null);
            assertThat(response.status()).as(page).isEqualTo(200);
        }
        String all = everything.toString();
        assertThat(all).doesNotContainPattern("(?<!\\d)\\d{12}(?!\\d)").as("citizen IDs")
                .doesNotContainPattern("(?<!\\d)(0|\\+84)(3|5|7|8|9)\\d{8}(?!\\d)").as("phones")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").as("household ids");
        HOUSEHOLD_IDS.forEach(id -> assertThat(all).doesNotContain(id));
    }

    @Test
    void eachOfficeSeesOnlyItsOwnAreaAndThePublicOnlyTheMap() {
        assertThat(api.get("/api/v1/reports/summary?unit=" + DISTRICT, TestTokens.bearer(XA_A, "OFFICER")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/summary", TestTokens.bearer(XA_A, "OFFICER")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/export?unit=" + DISTRICT, TestTokens.bearer("783", "OFFICER")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/campaigns/" + CAMPAIGN, TestTokens.bearer("783", "OFFICER")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/summary?unit=" + DISTRICT, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/reports/export?unit=" + DISTRICT, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/stream?unit=" + DISTRICT, null).status()).isEqualTo(401);
        var bad = api.get("/api/v1/public/map?unit=not-a-unit", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/public/map?unit=99999", null).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/admin/rebuild", TestTokens.bearer(DISTRICT, "OFFICER", "APPROVER"), "{}").status())
                .isEqualTo(403);
    }

    private JsonNode awaitDistrictComplete() {
        return await().atMost(Duration.ofSeconds(30)).until(() -> summary(DISTRICT, "VN"),
                s -> s.get("households").asLong() == 12 && s.get("deliveredHouseholds").asLong() == 5
                        && s.get("approvedHouseholds").asLong() == 8 && s.get("needsOpen").asLong() == 1
                        && s.get("inKindValue").asLong() == 7_500_000L && s.get("cashReceived").asLong() == 30_000_000L
                        && !s.get("statisticsMissing").asBoolean());
    }

    private JsonNode summary(String unit, String office) {
        return api.get("/api/v1/reports/summary?unit=" + unit, TestTokens.bearer(office, "AUDITOR")).json();
    }

    private JsonNode units(String unit, String office) {
        return api.get("/api/v1/reports/units?unit=" + unit, TestTokens.bearer(office, "AUDITOR")).json();
    }

    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(DISTRICT, "OFFICER")).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String cell(List<String> record, List<String> header, String column) {
        assertThat(header).contains(column);
        return record.get(header.indexOf(column));
    }

    private static List<String> households(String unit, String status, int count, String... hamlets) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            String hamlet = hamlets.length == 0 ? null : hamlets[i % hamlets.length];
            TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 1,
                    new HouseholdRegistered(id, unit, List.of(status), status, 3, Instant.now(), hamlet));
            ids.add(id);
        }
        return ids;
    }
}
