package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;

/** A household registered in the registry and a donation recorded in donation-service both reach the reporting summary. */
class WalkingSkeletonSystemTest {

    final Platform platform = Platform.get();

    @Test
    void aHouseholdAndADonationAppearInTheDistrictSummary() {
        String district = platform.bearer("cu-chi-district");
        JsonNode before = awaitSummary("783", district);

        ApiClient.Response household = await().atMost(Duration.ofSeconds(60)).until(
                () -> platform.registry.postJson("/api/v1/households", district, ApiClient.json(household("27547"))),
                response -> response.status() == 201);
        String householdId = household.json().get("id").asString();
        ApiClient.Response fund = platform.donation.postJson("/api/v1/funds", district, ApiClient.json(
                Map.of("name", "Quỹ Vì người nghèo huyện Củ Chi", "officeUnitCode", "783", "purpose", "Túi an sinh")));
        assertThat(fund.status()).isEqualTo(201);
        ApiClient.Response donation = platform.donation.postJson("/api/v1/donations", district, ApiClient.json(
                Map.of("fundId", fund.json().get("id").asString(), "amount", 6_600_000_000L, "channel", "BANK",
                        "reference", "BIDV-CUCHI-2021-0815")));
        assertThat(donation.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = awaitSummary("783", district);
            assertThat(after.get("households").asLong()).isEqualTo(before.get("households").asLong() + 1);
            assertThat(after.get("poorHouseholds").asLong()).isEqualTo(before.get("poorHouseholds").asLong() + 1);
            assertThat(after.get("cashReceived").asLong()).isEqualTo(before.get("cashReceived").asLong() + 6_600_000_000L);
        });
        // The province sees the same household rolled up; distribution has it in its replica.
        assertThat(awaitSummary("79", platform.bearer("hcmc-city")).get("households").asLong()).isGreaterThanOrEqualTo(1);
        try (var mongo = MongoClients.create(TestInfrastructure.mongoUri("distribution"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getDatabase("distribution")
                    .getCollection("household_replica").find(new Document("_id", householdId)).first() != null);
        }
    }

    @Test
    void realTokensAreCheckedByEveryService() {
        assertThat(platform.registry.postJson("/api/v1/households", null, ApiClient.json(household("27547"))).status()).isEqualTo(401);
        ApiClient.Response outside = platform.registry.postJson("/api/v1/households", platform.bearer("cau-kho-ward"),
                ApiClient.json(household("27547")));
        assertThat(outside.status()).isIn(403);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        assertThat(platform.reportingApi().get("/api/v1/reports/summary?unit=783", platform.bearer("tan-thanh-dong-commune"))
                .status()).isEqualTo(403);
        assertThat(platform.donation.get("/api/v1/funds/anything", "Bearer not-a-jwt").status()).isEqualTo(401);
    }

    private JsonNode awaitSummary(String unit, String bearer) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> platform.reportingApi().get("/api/v1/reports/summary?unit=" + unit, bearer),
                response -> response.status() == 200).json();
    }

    static Map<String, Object> household(String unit) {
        return Map.of("headName", "Lê Thị Hoa",
                "members", List.of(Map.of("fullName", "Lê Thị Hoa", "dateOfBirth", "1975-09-02", "gender", "FEMALE",
                        "relation", "HEAD"), Map.of("fullName", "Phạm Văn Nam", "dateOfBirth", "2010-01-15", "gender", "MALE",
                        "relation", "CHILD")),
                "address", Map.of("unitCode", unit, "hamlet", "Ấp Bàu Tròn"),
                "categories", List.of("POOR", "LOCKDOWN_ZONE"),
                "povertyStatus", "POOR");
    }
}
