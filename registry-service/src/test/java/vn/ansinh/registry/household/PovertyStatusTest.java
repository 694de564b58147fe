package vn.ansinh.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/** Poor → near-poor → recently escaped, each change dated, kept in the history and published once. */
class PovertyStatusTest extends RegistryServiceTest {

    @Test
    void eachChangeIsKeptInTheHistoryAndPublishedWithTheNextVersion() {
        String id = api.postJson("/api/v1/households", officer(), ApiClient.json(household(TAN_THANH_DONG)))
                .json().get("id").asString();

        assertThat(change(id, "NEAR_POOR", "2023-01-01", "Quyết định 12/QĐ-UBND rà soát cuối năm 2022").status()).isEqualTo(200);
        ApiClient.Response second = change(id, "RECENTLY_ESCAPED", "2024-01-01", "Quyết định 07/QĐ-UBND rà soát cuối năm 2023");

        assertThat(second.status()).isEqualTo(200);
        JsonNode household = second.json();
        assertThat(household.get("povertyStatus").asString()).isEqualTo("RECENTLY_ESCAPED");
        assertThat(household.get("povertyStatusHistory").findValuesAsString("to")).containsExactly("NEAR_POOR", "RECENTLY_ESCAPED");
        assertThat(household.get("povertyStatusHistory").get(0).get("from").asString()).isEqualTo("POOR");
        assertThat(household.get("version").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<PublishedEvents.Event> events = PublishedEvents.readAll(Topics.HOUSEHOLDS.name()).stream()
                    .filter(e -> id.equals(e.key())).toList();
            assertThat(events).extracting(PublishedEvents.Event::type).containsExactly(EventTypes.HOUSEHOLD_REGISTERED,
                    EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED, EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED);
            assertThat(events).extracting(PublishedEvents.Event::sequence).containsExactly(0L, 1L, 2L);
            assertThat(events.get(2).payload()).contains("\"povertyStatus\":\"RECENTLY_ESCAPED\"")
                    .doesNotContain("Quyết định");
        });
    }

    @Test
    void theSameStatusAgainOrADateBeforeTheLastChangeIsAConflict() {
        String id = api.postJson("/api/v1/households", officer(), ApiClient.json(household(TAN_THANH_DONG)))
                .json().get("id").asString();
        change(id, "NEAR_POOR", "2023-06-01", "Rà soát giữa năm");

        assertThat(change(id, "NEAR_POOR", "2023-07-01", "Lặp lại").json().get("code").asString())
                .isEqualTo("poverty-status.unchanged");
        ApiClient.Response backdated = change(id, "POOR", "2023-01-01", "Lùi ngày");
        assertThat(backdated.status()).isEqualTo(409);
        assertThat(backdated.json().get("code").asString()).isEqualTo("poverty-status.before-last-change");
        assertThat(change(id, "POOR", "2023-07-01", "").status()).isEqualTo(400);
    }

    @Test
    void anotherDistrictCannotChangeTheStatus() {
        String id = api.postJson("/api/v1/households", officer(), ApiClient.json(household(TAN_THANH_DONG)))
                .json().get("id").asString();

        ApiClient.Response refused = api.postJson("/api/v1/households/" + id + "/poverty-status",
                TestTokens.bearer(QUAN_1, "OFFICER"), ApiClient.json(Map.of("status", "NEAR_POOR",
                        "effectiveFrom", "2024-01-01", "reason", "x")));

        assertThat(refused.status()).isEqualTo(404);
    }

    private ApiClient.Response change(String id, String status, String from, String reason) {
        return api.postJson("/api/v1/households/" + id + "/poverty-status", officer(),
                ApiClient.json(Map.of("status", status, "effectiveFrom", from, "reason", reason)));
    }

    private static String officer() {
        return TestTokens.bearer(CU_CHI, "OFFICER");
    }
}
