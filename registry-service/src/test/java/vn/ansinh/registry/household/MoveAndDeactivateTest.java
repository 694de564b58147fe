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

/** A household moves between communes and districts, or leaves the lists; its history stays. */
class MoveAndDeactivateTest extends RegistryServiceTest {

    @Test
    void aMoveToAnotherDistrictHandsTheHouseholdToThatDistrictAndKeepsTheOldAddress() {
        String id = registerInTanThanhDong();

        ApiClient.Response moved = api.postJson("/api/v1/households/" + id + "/move", cuChi(), ApiClient.json(Map.of(
                "unitCode", CAU_KHO, "hamlet", "Khu phố 2", "effectiveFrom", "2024-03-01", "reason", "Chuyển đến ở với con")));

        assertThat(moved.status()).isEqualTo(200);
        JsonNode household = moved.json();
        assertThat(household.get("address").get("unitCode").asString()).isEqualTo(CAU_KHO);
        assertThat(household.get("addressHistory").get(0).get("from").get("unitCode").asString()).isEqualTo(TAN_THANH_DONG);
        assertThat(api.get("/api/v1/households/" + id, cuChi()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/households/" + id, TestTokens.bearer(QUAN_1, "OFFICER")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                PublishedEvents.readAll(Topics.HOUSEHOLDS.name()).stream().filter(e -> id.equals(e.key()))
                        .map(PublishedEvents.Event::type).toList())
                .containsExactly(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_MOVED));
    }

    @Test
    void aMoveToAnUnknownUnitIsRefused() {
        String id = registerInTanThanhDong();

        ApiClient.Response refused = api.postJson("/api/v1/households/" + id + "/move", cuChi(), ApiClient.json(Map.of(
                "unitCode", "99999", "effectiveFrom", "2024-03-01", "reason", "x")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/households/" + id, cuChi()).json().get("address").get("unitCode").asString())
                .isEqualTo(TAN_THANH_DONG);
    }

    @Test
    void aDeactivatedHouseholdLeavesTheListsKeepsItsHistoryAndCannotBeChanged() {
        String id = registerInTanThanhDong();

        ApiClient.Response deactivated = api.postJson("/api/v1/households/" + id + "/deactivate", cuChi(),
                ApiClient.json(Map.of("reason", "DECEASED", "effectiveFrom", "2024-05-10")));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        List<String> listed = api.get("/api/v1/households?size=2000", cuChi()).json().get("content").findValuesAsString("id");
        List<String> withInactive = api.get("/api/v1/households?size=2000&includeInactive=true", cuChi()).json()
                .get("content").findValuesAsString("id");
        assertThat(listed).doesNotContain(id);
        assertThat(withInactive).contains(id);
        ApiClient.Response change = api.postJson("/api/v1/households/" + id + "/poverty-status", cuChi(),
                ApiClient.json(Map.of("status", "NEAR_POOR", "effectiveFrom", "2024-06-01", "reason", "x")));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.json().get("code").asString()).isEqualTo("household.inactive");
    }

    private String registerInTanThanhDong() {
        ApiClient.Response created = api.postJson("/api/v1/households", cuChi(), ApiClient.json(household(TAN_THANH_DONG)));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String cuChi() {
        return TestTokens.bearer(CU_CHI, "OFFICER");
    }
}
