package vn.ansinh.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/**
 * Who did what to a household, as an inspection would ask: each change recorded with the person, the
 * before and after of what changed; reads of personal data recorded too; a refused change recorded
 * nowhere; and an auditor sees the records of their own area only.
 */
class HouseholdAuditTest extends RegistryServiceTest {

    /** A district officer signed in with her own account. */
    private static final String OFFICER = "Bearer " + TestTokens.token("lan.nguyen", CU_CHI, List.of("OFFICER"),
            Duration.ofMinutes(30));
    private static final String CU_CHI_AUDITOR = TestTokens.bearer(CU_CHI, "AUDITOR");
    private static final String QUAN_1_AUDITOR = TestTokens.bearer(QUAN_1, "AUDITOR");

    @Test
    void everyChangeOfAHouseholdIsRecordedWithThePersonAndTheBeforeAndAfter() {
        String id = api.postJson("/api/v1/households", OFFICER, ApiClient.json(household(TAN_THANH_DONG))).json()
                .path("id").asString();
        assertThat(api.send("PATCH", "/api/v1/households/" + id, OFFICER, ApiClient.json(Map.of("phone", "0987654321")))
                .status()).isEqualTo(200);
        assertThat(api.send("PATCH", "/api/v1/households/" + id, OFFICER, ApiClient.json(Map.of("phone", "not a phone")))
                .status()).as("refused: no record").isEqualTo(400);
        assertThat(api.postJson("/api/v1/households/" + id + "/poverty-status", OFFICER,
                ApiClient.json(Map.of("status", "NEAR_POOR", "effectiveFrom", "2026-01-01", "reason", "Thu nhập tăng")))
                .status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/households/" + id + "/move", OFFICER, ApiClient.json(Map.of("unitCode", "27496",
                "hamlet", "Khu phố 2", "effectiveFrom", "2026-03-01", "reason", "Chuyển về thị trấn")))
                .status()).isEqualTo(200);
        assertThat(api.postJson("/api/v1/households/" + id + "/deactivate", OFFICER,
                ApiClient.json(Map.of("reason", "DECEASED", "effectiveFrom", "2026-06-01"))).status()).isEqualTo(200);

        List<JsonNode> trail = records("?subject=" + id + "&size=20", CU_CHI_AUDITOR, 5);

        assertThat(trail).extracting(record -> record.path("action").asString()).containsExactly("household.deactivated",
                "household.moved", "household.poverty-status-changed", "household.updated", "household.registered");
        assertThat(trail).allSatisfy(record -> {
            assertThat(record.path("actor").asString()).isEqualTo("lan.nguyen");
            assertThat(record.path("actorOffice").asString()).isEqualTo(CU_CHI);
            assertThat(record.path("kind").asString()).isEqualTo("CHANGE");
        });
        assertThat(trail.get(4).path("unitCode").asString()).isEqualTo(TAN_THANH_DONG);
        assertThat(trail.get(1).path("unitCode").asString()).as("a move is recorded under the new unit").isEqualTo("27496");
        assertThat(change(trail.get(1), "unitCode")).contains("\"before\":\"27547\",\"after\":\"27496\"");
        assertThat(change(trail.get(3), "phone")).isEqualTo("{\"field\":\"phone\",\"before\":\"0912345678\",\"after\":\"0987654321\"}");
        assertThat(change(trail.get(2), "povertyStatus")).contains("\"before\":\"POOR\",\"after\":\"NEAR_POOR\"");
        assertThat(change(trail.get(4), "headName")).contains("\"before\":null,\"after\":\"Nguyễn Thị Bảy\"");
        assertThat(trail.get(4).path("changes").toString()).as("search keys are not changes").doesNotContain("nameKeys");
    }

    @Test
    void readingAHouseholdOrAListOfThemIsRecorded() {
        String id = api.postJson("/api/v1/households", OFFICER, ApiClient.json(household(TAN_THANH_DONG))).json()
                .path("id").asString();
        String reader = "Bearer " + TestTokens.token("minh.tran", CU_CHI, List.of("OFFICER"), Duration.ofMinutes(30));

        assertThat(api.get("/api/v1/households/" + id, reader).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/households?unit=" + TAN_THANH_DONG + "&size=5", reader).status()).isEqualTo(200);

        JsonNode read = records("?subject=" + id + "&action=household.read", CU_CHI_AUDITOR, 1).get(0);
        assertThat(read.path("kind").asString()).isEqualTo("READ");
        assertThat(read.path("actor").asString()).isEqualTo("minh.tran");
        JsonNode listed = records("?actor=minh.tran&action=households.listed", CU_CHI_AUDITOR, 1).get(0);
        assertThat(listed.path("unitCode").asString()).isEqualTo(TAN_THANH_DONG);
        assertThat(listed.path("detail").asString()).contains("households");
    }

    @Test
    void anAuditorSeesTheTrailOfTheirOwnAreaOnlyAndOfficersNone() {
        String id = api.postJson("/api/v1/households", OFFICER, ApiClient.json(household(TAN_THANH_DONG))).json()
                .path("id").asString();
        records("?subject=" + id, CU_CHI_AUDITOR, 1);

        assertThat(api.get("/api/v1/audit?subject=" + id, QUAN_1_AUDITOR).json().path("totalElements").asLong()).isZero();
        assertThat(api.get("/api/v1/audit?unit=" + CU_CHI, QUAN_1_AUDITOR).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit?subject=" + id, OFFICER).status()).isEqualTo(403);
        // An approver answers for what the office's staff do: the office's trail, and no other office's.
        assertThat(api.get("/api/v1/audit?subject=" + id, TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER")).json()
                .path("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit?subject=" + id, TestTokens.bearer(QUAN_1, "OFFICER", "APPROVER")).json()
                .path("totalElements").asLong()).isZero();
        ApiClient.Response export = api.get("/api/v1/audit/export?subject=" + id, CU_CHI_AUDITOR);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.body()).contains("household.registered", "lan.nguyen");
    }

    /** The records of a query once the relay has moved them into the trail, newest first. */
    private List<JsonNode> records(String query, String auditor, int expected) {
        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit" + query, auditor).json(),
                found -> found.path("totalElements").asLong() >= expected);
        assertThat(page.path("totalElements").asLong()).isEqualTo(expected);
        List<JsonNode> records = new ArrayList<>();
        page.path("content").forEach(records::add);
        return records;
    }

    private static String change(JsonNode record, String field) {
        for (JsonNode change : record.path("changes")) {
            if (field.equals(change.path("field").asString())) {
                return change.toString();
            }
        }
        throw new AssertionError("No change of " + field + " in " + record);
    }
}
