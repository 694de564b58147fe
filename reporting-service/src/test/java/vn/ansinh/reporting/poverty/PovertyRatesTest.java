package vn.ansinh.reporting.poverty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.HouseholdPovertyStatusChanged;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.UnitStatisticsRecorded;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.reporting.projection.HouseholdView;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * The poverty rates offices report, reproduced from the seeds: Gia Lai's 31,502 poor households (8.11 % of
 * all households, 28,173 of them ethnic-minority: 17.05 % of ethnic-minority households) against its 2024
 * targets (6.11 %, and 3 points down among ethnic minorities); Cần Đước's 314 poor (0.65 %) and 703
 * near-poor (1.46 %) households at the end of 2022, and the 6 that escaped poverty in 2023. Households and
 * statistics arrive as the registry publishes them; the rates are divided by the units' statistics, not
 * by the households on the registry.
 */
class PovertyRatesTest extends ReportingServiceTest {

    private static final String GIA_LAI = "64";
    private static final String PLEIKU = "622";
    private static final String LONG_AN = "80";
    private static final String CAN_DUOC = "806";
    private static final String CAN_GIUOC = "807";
    /** All households of Gia Lai: 31,502 poor are 8.11 % of them (the seed gives the rate, not the total). */
    private static final long GIA_LAI_HOUSEHOLDS = 388_434;
    /** Ethnic-minority households of Gia Lai: 28,173 poor among them are 17.05 %. */
    private static final long GIA_LAI_ETHNIC_MINORITY_HOUSEHOLDS = 165_238;
    /** All households of Cần Đước: 314 are 0.65 % and 703 are 1.46 % of it. */
    private static final long CAN_DUOC_HOUSEHOLDS = 48_200;
    private static final Instant IN_2022 = Instant.parse("2022-03-01T03:00:00Z");
    private static final Instant IN_2023 = Instant.parse("2023-06-01T03:00:00Z");

    private static final List<String> escapedIn2023 = new ArrayList<>();

    @BeforeAll
    static void theSeedsHouseholdsAndStatistics() {
        TestEvents.publishUnit(GIA_LAI, "Tỉnh Gia Lai", "PROVINCE", null);
        TestEvents.publishUnit(PLEIKU, "Thành phố Pleiku", "DISTRICT", GIA_LAI);
        TestEvents.publishUnit("23557", "Phường Yên Đỗ", "COMMUNE", PLEIKU);
        TestEvents.publishUnit("23560", "Phường Diên Hồng", "COMMUNE", PLEIKU);
        TestEvents.publishUnit("623", "Thị xã An Khê", "DISTRICT", GIA_LAI);
        TestEvents.publishUnit("23614", "Phường An Bình", "COMMUNE", "623");
        TestEvents.publishUnit(LONG_AN, "Tỉnh Long An", "PROVINCE", null);
        TestEvents.publishUnit(CAN_DUOC, "Huyện Cần Đước", "DISTRICT", LONG_AN);
        TestEvents.publishUnit("28108", "Thị trấn Cần Đước", "COMMUNE", CAN_DUOC);
        TestEvents.publishUnit("28111", "Xã Long Trạch", "COMMUNE", CAN_DUOC);
        TestEvents.publishUnit(CAN_GIUOC, "Huyện Cần Giuộc", "DISTRICT", LONG_AN);

        List<TestEvents.Outgoing> households = new ArrayList<>();
        String[] giaLaiCommunes = {"23557", "23560", "23614"};
        for (int i = 0; i < 31_502; i++) {
            List<String> categories = i < 28_173 ? List.of("POOR", "ETHNIC_MINORITY") : List.of("POOR");
            households.add(registered(giaLaiCommunes[i % 3], categories, "POOR", IN_2023));
        }
        for (int i = 0; i < 2_000; i++) {
            households.add(registered(giaLaiCommunes[i % 3], List.of("ETHNIC_MINORITY"), "NONE", IN_2023));
        }
        List<TestEvents.Outgoing> canDuocPoor = new ArrayList<>();
        for (int i = 0; i < 314; i++) {
            canDuocPoor.add(registered(i % 2 == 0 ? "28108" : "28111", List.of("POOR"), "POOR", IN_2022));
        }
        households.addAll(canDuocPoor);
        for (int i = 0; i < 703; i++) {
            households.add(registered(i % 2 == 0 ? "28108" : "28111", List.of("NEAR_POOR"), "NEAR_POOR", IN_2022));
        }
        TestEvents.publishAll(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, households);

        // The 2023 review: six poor households of Cần Đước escaped poverty from 15 January 2023.
        List<TestEvents.Outgoing> escapes = new ArrayList<>();
        for (TestEvents.Outgoing poor : canDuocPoor.subList(0, 6)) {
            HouseholdRegistered household = (HouseholdRegistered) poor.payload();
            escapedIn2023.add(household.householdId());
            escapes.add(new TestEvents.Outgoing(household.householdId(), 1, new HouseholdPovertyStatusChanged(household.householdId(),
                    household.unitCode(), List.of("RECENTLY_ESCAPED_POVERTY"), "POOR", "RECENTLY_ESCAPED", LocalDate.of(2023, 1, 15))));
        }
        TestEvents.publishAll(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED, escapes);

        TestEvents.publishAll(Topics.ADMIN_UNITS.name(), EventTypes.UNIT_STATISTICS_RECORDED, List.of(
                statistics(GIA_LAI, 2023, 1, GIA_LAI_HOUSEHOLDS, GIA_LAI_ETHNIC_MINORITY_HOUSEHOLDS, null, null),
                statistics(GIA_LAI, 2024, 1, GIA_LAI_HOUSEHOLDS, null, null, null),
                // The targets were set after the statistics: the newer event carries both.
                statistics(GIA_LAI, 2024, 2, GIA_LAI_HOUSEHOLDS, GIA_LAI_ETHNIC_MINORITY_HOUSEHOLDS, "6.11", "14.05"),
                statistics(CAN_DUOC, 2022, 1, CAN_DUOC_HOUSEHOLDS, null, null, null)));
    }

    @Test
    void giaLaisRatesAreTheSeedsAndTheGapToIts2024TargetsIsTwoAndThreePoints() {
        JsonNode in2023 = awaitSummary(GIA_LAI, 2023, figures -> figures.get("poorHouseholds").asLong() == 31_502
                && !figures.get("statisticsMissing").asBoolean());
        assertThat(in2023.get("totalHouseholds").asLong()).isEqualTo(GIA_LAI_HOUSEHOLDS);
        assertThat(in2023.get("poorRatePercent").decimalValue()).isEqualByComparingTo("8.11");
        assertThat(in2023.get("ethnicMinorityPoorHouseholds").asLong()).isEqualTo(28_173);
        assertThat(in2023.get("ethnicMinorityPoorRatePercent").decimalValue()).isEqualByComparingTo("17.05");
        assertThat(in2023.get("nearPoorRatePercent").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(in2023.get("targets").isNull()).isTrue();

        JsonNode in2024 = awaitSummary(GIA_LAI, 2024, figures -> !figures.get("targets").isNull()
                && figures.get("targets").has("ethnicMinorityPoorRatePercent") && !figures.get("targets").get("ethnicMinorityPoorRatePercent").isNull());
        JsonNode targets = in2024.get("targets");
        assertThat(targets.get("poorRatePercent").decimalValue()).isEqualByComparingTo("6.11");
        assertThat(targets.get("poorRateGapPoints").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(targets.get("ethnicMinorityPoorRateGapPoints").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(targets.get("nearPoorRateGapPoints").isNull()).isTrue();

        // Pleiku entered nothing for itself: its rate is missing, not 0 % or 100 %, though its households are counted.
        JsonNode pleiku = summary(PLEIKU, 2023);
        assertThat(pleiku.get("poorHouseholds").asLong()).isPositive();
        assertThat(pleiku.get("statisticsMissing").asBoolean()).isTrue();
        assertThat(pleiku.get("poorRatePercent").isNull()).isTrue();
        assertThat(pleiku.get("povertyRatePercent").isNull()).isTrue();
    }

    @Test
    void canDuocEnded2022At065And146PercentAndSixEscapedIn2023() {
        JsonNode end2022 = awaitSummary(CAN_DUOC, 2022, figures -> figures.get("poorHouseholds").asLong() == 314
                && figures.get("nearPoorHouseholds").asLong() == 703 && !figures.get("statisticsMissing").asBoolean());
        assertThat(end2022.get("poorRatePercent").decimalValue()).isEqualByComparingTo("0.65");
        assertThat(end2022.get("nearPoorRatePercent").decimalValue()).isEqualByComparingTo("1.46");
        assertThat(end2022.get("povertyRatePercent").decimalValue()).isEqualByComparingTo("2.11");

        JsonNode end2023 = awaitSummary(CAN_DUOC, 2023, figures -> figures.get("recentlyEscapedHouseholds").asLong() == 6);
        assertThat(end2023.get("poorHouseholds").asLong()).isEqualTo(308);
        assertThat(end2023.get("statisticsMissing").asBoolean()).as("no statistics entered for 2023").isTrue();
        assertThat(end2023.get("poorRatePercent").isNull()).isTrue();

        JsonNode review = review(CAN_DUOC, 2023);
        assertThat(review.get("total").get("escapedPoverty").asLong()).isEqualTo(6);
        assertThat(review.get("total").get("fellIntoPoverty").asLong()).isZero();
        assertThat(review.get("rows").findValuesAsString("unitCode")).contains("28108", "28111");
        assertThat(review.get("rows").findValues("escapedPoverty").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(6);
        assertThat(review(CAN_DUOC, 2022).get("total").get("escapedPoverty").asLong()).isZero();
    }

    @Test
    void aProvinceAddsItsDistrictsStatisticsOnlyWhenEveryDistrictHasThem() {
        awaitSummary(CAN_DUOC, 2022, figures -> !figures.get("statisticsMissing").asBoolean());
        JsonNode longAn = summary(LONG_AN, 2022);
        assertThat(longAn.get("statisticsMissing").asBoolean()).as("Cần Giuộc entered nothing").isTrue();
        assertThat(longAn.get("totalHouseholds").isNull()).isTrue();

        TestEvents.publish(Topics.ADMIN_UNITS.name(), EventTypes.UNIT_STATISTICS_RECORDED, CAN_GIUOC + ":2022", 1,
                new UnitStatisticsRecorded(CAN_GIUOC, 2022, 61_800L, null, null, null, null));
        JsonNode whole = awaitSummary(LONG_AN, 2022, figures -> !figures.get("statisticsMissing").asBoolean());
        assertThat(whole.get("totalHouseholds").asLong()).isEqualTo(CAN_DUOC_HOUSEHOLDS + 61_800);
        assertThat(whole.get("poorRatePercent").decimalValue()).isEqualByComparingTo(
                new BigDecimal(314 * 100.0 / (CAN_DUOC_HOUSEHOLDS + 61_800)).setScale(2, java.math.RoundingMode.HALF_UP));
        JsonNode rows = api.get("/api/v1/reports/units?unit=" + LONG_AN + "&year=2022", auditor()).json().get("rows");
        assertThat(rows.findValuesAsString("unitCode")).contains(CAN_DUOC, CAN_GIUOC);
    }

    @Test
    void aRedeliveredChangeIsCountedOnceAndAStaleStatisticChangesNothing() {
        awaitSummary(CAN_DUOC, 2023, figures -> figures.get("recentlyEscapedHouseholds").asLong() == 6);
        String household = escapedIn2023.get(0);
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED, household, 1,
                new HouseholdPovertyStatusChanged(household, "28108", List.of("RECENTLY_ESCAPED_POVERTY"), "POOR", "RECENTLY_ESCAPED",
                        LocalDate.of(2023, 1, 15)));
        // An older statistics event arriving late (sequence 1 after 2) does not undo the targets.
        TestEvents.publish(Topics.ADMIN_UNITS.name(), EventTypes.UNIT_STATISTICS_RECORDED, GIA_LAI + ":2024", 1,
                new UnitStatisticsRecorded(GIA_LAI, 2024, GIA_LAI_HOUSEHOLDS, null, null, null, null));
        // A later event of the same household, on the same partition: once it is in, so is the redelivery before it.
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_UPDATED, household, 2,
                new vn.ansinh.events.registry.HouseholdUpdated(household, "28108", List.of("RECENTLY_ESCAPED_POVERTY"),
                        "RECENTLY_ESCAPED", 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            org.bson.Document view = mongo.findById(household, org.bson.Document.class, HouseholdView.COLLECTION);
            return view != null && ((Number) view.get("version")).longValue() == 2;
        });
        org.bson.Document view = mongo.findById(household, org.bson.Document.class, HouseholdView.COLLECTION);
        assertThat(view.getList(HouseholdView.STATUS_CHANGES, org.bson.Document.class)).hasSize(1);

        assertThat(review(CAN_DUOC, 2023).get("total").get("escapedPoverty").asLong()).isEqualTo(6);
        assertThat(summary(GIA_LAI, 2024).get("targets").get("poorRatePercent").decimalValue()).isEqualByComparingTo("6.11");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void theReviewKeepsToTheCallersAreaAndAYearOutOfRangeIsRefused() {
        awaitSummary(CAN_DUOC, 2022, figures -> figures.get("poorHouseholds").asLong() == 314 && !figures.get("statisticsMissing").asBoolean());
        assertThat(api.get("/api/v1/reports/poverty-review?unit=" + CAN_DUOC + "&year=2023", TestTokens.bearer("28108", "OFFICER"))
                .status()).isEqualTo(403);
        ApiClient.Response old = api.get("/api/v1/reports/summary?unit=" + CAN_DUOC + "&year=1999", auditor());
        assertThat(old.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/export?unit=" + CAN_DUOC + "&year=2022&format=csv", TestTokens.bearer(CAN_DUOC, "OFFICER"))
                .body()).contains("Tỷ lệ hộ nghèo (%)", "0.65", "1.46", "Chưa giao chỉ tiêu");
    }

    private static TestEvents.Outgoing registered(String unit, List<String> categories, String status, Instant at) {
        String id = UUID.randomUUID().toString();
        return new TestEvents.Outgoing(id, 0, new HouseholdRegistered(id, unit, categories, status, 4, at));
    }

    private static TestEvents.Outgoing statistics(String unit, int year, long sequence, long total, Long ethnicMinority,
                                                  String poorTarget, String ethnicMinorityTarget) {
        return new TestEvents.Outgoing(unit + ":" + year, sequence, new UnitStatisticsRecorded(unit, year, total, ethnicMinority,
                poorTarget == null ? null : new BigDecimal(poorTarget), null,
                ethnicMinorityTarget == null ? null : new BigDecimal(ethnicMinorityTarget)));
    }

    private JsonNode awaitSummary(String unit, int year, java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = summary(unit, year);
            return ready.test(last[0]);
        });
        return last[0];
    }

    private JsonNode summary(String unit, int year) {
        ApiClient.Response response = api.get("/api/v1/reports/summary?unit=" + unit + "&year=" + year, auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode review(String unit, int year) {
        ApiClient.Response response = api.get("/api/v1/reports/poverty-review?unit=" + unit + "&year=" + year, auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String auditor() {
        return TestTokens.bearer("VN", "AUDITOR");
    }
}
