package vn.ansinh.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.Topics;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Every refused request: a clear problem+json, and afterwards no household stored and no event
 * published. The relay is drained after each case so a wrongly stored event would reach the topic.
 */
@SuppressWarnings("unchecked")
class BadHouseholdInputTest extends RegistryServiceTest {

    @Autowired
    HouseholdRepository households;
    @Autowired
    OutboxRelay relay;

    long householdsBefore;
    long eventsBefore;

    @BeforeEach
    void countBefore() {
        relay.drainOnce();
        householdsBefore = households.count();
        eventsBefore = PublishedEvents.readAll(Topics.HOUSEHOLDS.name()).size();
    }

    @AfterEach
    void nothingStoredNorPublished() {
        relay.drainOnce();
        assertThat(households.count()).isEqualTo(householdsBefore);
        assertThat(PublishedEvents.readAll(Topics.HOUSEHOLDS.name())).hasSize((int) eventsBefore);
    }

    @Test
    void withoutATokenIs401() {
        ApiClient.Response response = api.postJson("/api/v1/households", null, valid());
        assertProblem(response, 401, "unauthenticated");
    }

    @Test
    void aTokenTheIssuerMadeForAnotherAudienceIs401() {
        String elsewhere = "Bearer " + TestTokens.token("test-client-" + CU_CHI, CU_CHI, java.util.List.of("OFFICER"),
                java.time.Duration.ofMinutes(5), "some-other-system");
        // Every other test here signs its tokens for the platform's audience and gets past this check.
        assertProblem(api.postJson("/api/v1/households", elsewhere, valid()), 401, "unauthenticated");
    }

    @Test
    void withAForgedTokenIs401() {
        String forged = TestTokens.bearer(CU_CHI, "OFFICER").replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");
        assertProblem(api.postJson("/api/v1/households", forged, valid()), 401, "unauthenticated");
    }

    @Test
    void anAuditorCannotWrite() {
        assertProblem(api.postJson("/api/v1/households", TestTokens.bearer("VN", "AUDITOR"), valid()), 403, "forbidden");
    }

    @Test
    void outsideTheOfficeAreaIs403() {
        assertProblem(api.postJson("/api/v1/households", TestTokens.bearer(QUAN_1, "OFFICER"), valid()), 403, "out-of-scope");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.postJson("/api/v1/households", officer(), "{\"headName\": \"Lê Văn Tám\", "), 400, "malformed-body");
    }

    @Test
    void aWrongTypeNamesTheField() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("members", List.of(Map.of("fullName", "Lê Văn Tám", "dateOfBirth", "not a date", "gender", "MALE")));
        JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400,
                "validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("members[0].dateOfBirth");
    }

    @Test
    void anUnknownCategoryIsRefused() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("categories", List.of("RICH"));
        JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400,
                "validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("categories[0]");
    }

    @Test
    void missingFieldsAreListedOneByOne() {
        JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), "{}"), 400, "validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("headName", "members", "address");
    }

    @Test
    void controlCharactersAndBadCitizenIdsAreRefused() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("headName", "Nguyễn\u0000Văn\u0007A");
        body.put("members", List.of(Map.of("fullName", "Nguyễn Văn A", "dateOfBirth", "1980-01-01", "gender", "MALE",
                "citizenId", "07930100012")));
        JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400,
                "validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).contains("headName", "members[0].citizenId");
    }

    @Test
    void aCitizenIdThatCannotBelongToTheMemberIsRefusedWithTheReason() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("members", List.of(Map.of("fullName", "Nguyễn Thị Bảy", "dateOfBirth", "1958-03-02", "gender", "FEMALE",
                "citizenId", "079090000123")));
        ApiClient.Response response = api.postJson("/api/v1/households", officer(), ApiClient.json(body),
                Map.of("Accept-Language", "en"));
        JsonNode problem = assertProblem(response, 400, "validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("members[0].citizenId");
        assertThat(problem.get("errors").get(0).get("message").asString())
                .isEqualTo("does not match the person's gender and century of birth");
    }

    @Test
    void aTenMegabyteNameIs413() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("headName", "A".repeat(10 * 1024 * 1024));
        ApiClient.Response response = api.post("/api/v1/households", officer(), "application/json",
                ApiClient.json(body).getBytes(StandardCharsets.UTF_8));
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void aLongNameUnderTheBodyLimitIs400() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("headName", "Nguyễn ".repeat(100));
        JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400,
                "validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("headName");
    }

    @Test
    void aNumberIsNotANameAndMarkupIsNotAPersonsName() {
        for (Object head : List.of(123, 1.5, new java.math.BigInteger("1000000000000000000000000000000"), true,
                "<script>alert(1)</script>", "Lê Văn 8", "=1+1")) {
            Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
            body.put("headName", head);
            JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400,
                    "validation-failed");
            assertThat(problem.get("errors").toString()).as(String.valueOf(head)).contains("headName");
        }
        Map<String, Object> member = new HashMap<>(((List<Map<String, Object>>) household(TAN_THANH_DONG).get("members")).get(0));
        member.put("fullName", "<b>Trần</b>");
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("members", List.of(member));
        assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400, "validation-failed");
    }

    @Test
    void anUnknownFieldIsRefusedNotDropped() {
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("povertyStatuss", "POOR");
        JsonNode problem = assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400,
                "validation-failed");
        assertThat(problem.get("errors").toString()).contains("povertyStatuss");
    }

    @Test
    void aDateIsNotANumber() {
        Map<String, Object> member = new HashMap<>(((List<Map<String, Object>>) household(TAN_THANH_DONG).get("members")).get(0));
        member.put("dateOfBirth", 123);
        Map<String, Object> body = new HashMap<>(household(TAN_THANH_DONG));
        body.put("members", List.of(member));
        assertProblem(api.postJson("/api/v1/households", officer(), ApiClient.json(body)), 400, "validation-failed");
    }

    @Test
    void aPathTheServletLayerRefusesStillAnswersProblemJson() {
        ApiClient.Response response = api.get("/api/v1/households/..%2F..%2Fadmin", officer());
        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        ApiClient.Response encoded = api.get("/api/v1/%2e%2e/%2e%2e/admin", officer());
        assertThat(encoded.status()).isBetween(400, 404);
        assertThat(encoded.contentType()).startsWith("application/problem+json");
    }

    private static String officer() {
        return TestTokens.bearer(CU_CHI, "OFFICER");
    }

    private static String valid() {
        return ApiClient.json(household(TAN_THANH_DONG));
    }

    private static JsonNode assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }
}
