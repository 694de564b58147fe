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

/** PATCH changes only what is sent, keeps the rest, and is published without personal data. */
class UpdateHouseholdTest extends RegistryServiceTest {

    @Test
    void onlyTheFieldsSentChangeAndTheNewMemberIsFoundByName() {
        String id = register();

        ApiClient.Response updated = patch(id, Map.of(
                "members", List.of(Map.of("fullName", "Nguyễn Thị Bảy", "dateOfBirth", "1958-03-02", "gender", "FEMALE",
                                "citizenId", "079158000123", "relation", "HEAD"),
                        Map.of("fullName", "Trần Minh Khôi", "dateOfBirth", "2015-09-05", "gender", "MALE",
                                "relation", "GRANDCHILD", "kinds", List.of("ORPHANED_BY_PANDEMIC", "CHILD"))),
                "categories", List.of("POOR", "ORPHAN"),
                "hamlet", "Ấp Bến Đò"));

        assertThat(updated.status()).isEqualTo(200);
        JsonNode household = updated.json();
        assertThat(household.get("members")).hasSize(2);
        assertThat(household.get("members").get(1).get("kinds").values()).extracting(JsonNode::asString)
                .containsExactly("ORPHANED_BY_PANDEMIC", "CHILD");
        assertThat(household.get("headName").asString()).isEqualTo("Nguyễn Thị Bảy");
        assertThat(household.get("phone").asString()).isEqualTo("0912345678");
        assertThat(household.get("address").get("hamlet").asString()).isEqualTo("Ấp Bến Đò");
        assertThat(household.get("address").get("unitCode").asString()).isEqualTo(TAN_THANH_DONG);
        assertThat(api.get("/api/v1/households?q=tran%20minh%20khoi", officer()).json().get("content")
                .findValuesAsString("id")).containsExactly(id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<PublishedEvents.Event> events = PublishedEvents.readAll(Topics.HOUSEHOLDS.name()).stream()
                    .filter(e -> id.equals(e.key())).toList();
            assertThat(events).extracting(PublishedEvents.Event::type)
                    .containsExactly(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_UPDATED);
            assertThat(events.get(1).payload()).contains("\"memberCount\":2").contains("ORPHAN").doesNotContain("Khôi")
                    .as("each member's kinds, in order, for support paid per person of a kind")
                    .contains("\"memberKinds\":[[],[\"ORPHANED_BY_PANDEMIC\",\"CHILD\"]]");
        });
    }

    @Test
    void aBadCitizenIdOrAnEmptyMemberListIsRefusedAndNothingChanges() {
        String id = register();

        ApiClient.Response badId = patch(id, Map.of("members", List.of(Map.of("fullName", "Nguyễn Thị Bảy",
                "dateOfBirth", "1958-03-02", "gender", "FEMALE", "citizenId", "079159000123"))));
        ApiClient.Response noMembers = patch(id, Map.of("members", List.of()));
        ApiClient.Response unknownKind = patch(id, Map.of("members", List.of(Map.of("fullName", "Nguyễn Thị Bảy",
                "dateOfBirth", "1958-03-02", "gender", "FEMALE", "kinds", List.of("ASTRONAUT")))));

        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("members[0].citizenId");
        assertThat(noMembers.status()).isEqualTo(400);
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/households/" + id, officer()).json().get("version").asLong()).isZero();
    }

    private String register() {
        ApiClient.Response created = api.postJson("/api/v1/households", officer(), ApiClient.json(household(TAN_THANH_DONG)));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ApiClient.Response patch(String id, Map<String, Object> body) {
        return api.send("PATCH", "/api/v1/households/" + id, officer(), ApiClient.json(body));
    }

    private static String officer() {
        return TestTokens.bearer(CU_CHI, "OFFICER");
    }
}
