package vn.ansinh.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.registry.HouseholdDeactivated;
import vn.ansinh.events.registry.HouseholdMerged;
import vn.ansinh.events.registry.HouseholdMoved;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/** The summary rolls communes up to their district and province, and each office sees only its own area. */
class SummaryTest extends ReportingServiceTest {

    @Test
    void districtAndProvinceFiguresRollUpFromTheirCommunes() {
        // Another test class in this context may have projected households already: compare with a baseline.
        JsonNode cuChiBefore = summary("783", "VN");
        JsonNode cityBefore = summary("79", "VN");

        publishHousehold("27496", "POOR", "POOR", "ETHNIC_MINORITY");
        publishHousehold("27496", "POOR", "POOR");
        publishHousehold("27547", "NEAR_POOR", "NEAR_POOR");
        publishHousehold("27547", "NONE", "ELDERLY_ALONE");
        publishHousehold("26761", "POOR", "POOR");
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, UUID.randomUUID().toString(), 0,
                new CashDonationReceived(UUID.randomUUID().toString(), "fund-cu-chi", "783", 416_845_000L, "BANK", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode cuChi = summary("783", "VN");
            assertThat(cuChi.get("households").asLong()).isEqualTo(cuChiBefore.get("households").asLong() + 4);
            assertThat(cuChi.get("poorHouseholds").asLong()).isEqualTo(cuChiBefore.get("poorHouseholds").asLong() + 2);
            assertThat(cuChi.get("nearPoorHouseholds").asLong()).isEqualTo(cuChiBefore.get("nearPoorHouseholds").asLong() + 1);
            assertThat(cuChi.get("cashReceived").asLong()).isEqualTo(cuChiBefore.get("cashReceived").asLong() + 416_845_000L);
            assertThat(summary("79", "VN").get("households").asLong()).isEqualTo(cityBefore.get("households").asLong() + 5);
        });
        JsonNode cuChi = summary("783", "VN");
        // No statistics of Củ Chi's households this year: no rate, rather than one divided by the registry's households.
        assertThat(cuChi.get("statisticsMissing").asBoolean()).isTrue();
        assertThat(cuChi.get("povertyRatePercent").isNull()).isTrue();
        assertThat(cuChi.get("householdsByCategory").get("ETHNIC_MINORITY").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(cuChi.get("unitName").asString()).isEqualTo("Huyện Củ Chi");
    }

    @Test
    void aMovedHouseholdIsCountedInItsNewDistrictAndADeactivatedOneNowhere() {
        String moving = UUID.randomUUID().toString();
        String leaving = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, moving, 0,
                new HouseholdRegistered(moving, "27547", List.of("POOR"), "POOR", 2, Instant.now()));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, leaving, 0,
                new HouseholdRegistered(leaving, "27547", List.of("POOR"), "POOR", 1, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> summary("VN", "VN") != null
                && mongoHas(moving) && mongoHas(leaving));
        long cuChiBefore = summary("783", "VN").get("households").asLong();
        long quan1Before = summary("760", "VN").get("households").asLong();

        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MOVED, moving, 1,
                new HouseholdMoved(moving, "27547", "26761", List.of("POOR"), "POOR", LocalDate.of(2024, 3, 1)));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_DEACTIVATED, leaving, 1,
                new HouseholdDeactivated(leaving, "27547", "DECEASED", LocalDate.of(2024, 5, 10)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(summary("783", "VN").get("households").asLong()).isEqualTo(cuChiBefore - 2);
            assertThat(summary("760", "VN").get("households").asLong()).isEqualTo(quan1Before + 1);
        });
    }

    @Test
    void householdsOfACommuneMergedByThe2025ReformAreCountedInTheNewCommuneAndMergedDuplicatesNowhere() {
        TestEvents.publishUnit("91@2025-07-01", "Tỉnh An Giang", "PROVINCE", null);
        TestEvents.publishUnit("30325@2025-07-01", "Phường Vĩnh Tế", "COMMUNE", "91@2025-07-01");
        TestEvents.publishUnit("89", "Tỉnh An Giang", "PROVINCE", null, "91@2025-07-01");
        TestEvents.publishUnit("884", "Thành phố Châu Đốc", "DISTRICT", "89");
        TestEvents.publishUnit("30325", "Phường Núi Sam", "COMMUNE", "884", "30325@2025-07-01");
        String registeredBefore = UUID.randomUUID().toString();
        String registeredAfter = UUID.randomUUID().toString();
        String duplicate = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, registeredBefore, 0,
                new HouseholdRegistered(registeredBefore, "30325", List.of("POOR"), "POOR", 3, Instant.now()));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, registeredAfter, 0,
                new HouseholdRegistered(registeredAfter, "30325@2025-07-01", List.of("NEAR_POOR"), "NEAR_POOR", 2, Instant.now()));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, duplicate, 0,
                new HouseholdRegistered(duplicate, "30325", List.of("POOR"), "POOR", 3, Instant.now()));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MERGED, duplicate, 1,
                new HouseholdMerged(duplicate, "30325", registeredBefore, "30325"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode vinhTe = summary("30325@2025-07-01", "VN");
            assertThat(vinhTe.get("households").asLong()).isEqualTo(2);
            assertThat(vinhTe.get("poorHouseholds").asLong()).isEqualTo(1);
            assertThat(vinhTe.get("nearPoorHouseholds").asLong()).isEqualTo(1);
            assertThat(summary("91@2025-07-01", "VN").get("households").asLong()).isEqualTo(2);
            assertThat(summary("884", "VN").get("households").asLong()).as("the old city's own records").isEqualTo(1);
        });
    }

    @Autowired
    MongoTemplate mongo;

    private boolean mongoHas(String id) {
        return mongo.findById(id, org.bson.Document.class, HouseholdView.COLLECTION) != null;
    }

    @Test
    void aCommuneOfficeCannotReadItsDistrictsSummaryButCanReadItsOwn() {
        assertThat(api.get("/api/v1/reports/summary?unit=783", TestTokens.bearer("27547", "OFFICER")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/summary?unit=27547", TestTokens.bearer("27547", "OFFICER")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/reports/summary?unit=27547", null).status()).isEqualTo(401);
    }

    private JsonNode summary(String unit, String office) {
        var response = api.get("/api/v1/reports/summary?unit=" + unit, TestTokens.bearer(office, "AUDITOR"));
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static void publishHousehold(String unit, String status, String... categories) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0,
                new HouseholdRegistered(id, unit, List.of(categories), status, 4, Instant.now()));
    }
}
