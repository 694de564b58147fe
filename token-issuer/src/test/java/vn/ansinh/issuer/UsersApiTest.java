package vn.ansinh.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * {@code /api/v1/users} through the real issuer with its own tokens: who administers whom, what an
 * administrator sees of an account, and the audit trail every change leaves.
 */
@ActiveProfiles(ProductionCredentials.LOCAL_PROFILE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=token-issuer")
class UsersApiTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static final String CU_CHI = "783";
    private static final String TAN_THANH_DONG = "27547";
    private static final String QUAN_1 = "760";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "issuer-users");
    }

    @LocalServerPort
    int port;

    @Autowired
    AdminUnitDirectory directory;

    ApiClient api;

    @BeforeEach
    void theUnitTreeHasArrived() {
        api = new ApiClient("http://localhost:" + port);
        TestEvents.publishDemoUnits();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isWithin(TAN_THANH_DONG, CU_CHI));
    }

    @Test
    void anAccountCanActForOneOrganisationOfItsOfficeAndBeMovedBackToTheOffice() {
        String cuChi = machine("cu-chi-district", "cu-chi-district-secret");
        String username = "union." + PEOPLE.incrementAndGet();

        ApiClient.Response created = api.postJson("/api/v1/users", cuChi, ApiClient.json(Map.of("username", username,
                "name", "Trương Thị Mỹ", "office", CU_CHI, "roles", List.of("OFFICER"), "organisation", "HLHPN")));
        ApiClient.Response badCode = api.send("PATCH", "/api/v1/users/" + username, cuChi, ApiClient.json(Map.of("organisation", "hội phụ nữ")));
        ApiClient.Response moved = api.send("PATCH", "/api/v1/users/" + username, cuChi, ApiClient.json(Map.of("organisation", "DOAN-TN")));
        ApiClient.Response back = api.send("PATCH", "/api/v1/users/" + username, cuChi, ApiClient.json(Map.of("organisation", "")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("account").path("organisation").asString()).isEqualTo("HLHPN");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(moved.json().path("organisation").asString()).isEqualTo("DOAN-TN");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().path("organisation").isNull()).as("acts for the office itself again").isTrue();
    }

    @Test
    void aDistrictApproverGivesACommuneOfficerAnAccountAndDisablesIt() {
        String cuChi = machine("cu-chi-district", "cu-chi-district-secret");
        String username = "officer." + PEOPLE.incrementAndGet();

        ApiClient.Response created = api.postJson("/api/v1/users", cuChi, ApiClient.json(Map.of("username", username,
                "name", "Nguyễn Thị Hoa", "office", TAN_THANH_DONG, "roles", List.of("OFFICER"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("account").path("status").asString()).isEqualTo("AWAITING_PASSWORD");
        assertThat(created.json().path("account").path("createdBy").asString()).isEqualTo("cu-chi-district");
        assertThat(created.json().path("setupCode").asString()).hasSize(10);
        assertThat(created.body()).doesNotContain("passwordHash", "setupCodeHash");
        ApiClient.Response disabled = api.postJson("/api/v1/users/" + username + "/disable", cuChi, "");
        assertThat(disabled.json().path("status").asString()).isEqualTo("DISABLED");
        JsonNode listed = api.get("/api/v1/users?office=" + CU_CHI + "&q=" + username, cuChi).json();
        assertThat(listed.path("totalElements").asLong()).isEqualTo(1);
        assertThat(listed.path("content").get(0).path("status").asString()).isEqualTo("DISABLED");
    }

    @Test
    void aDistrictApproverCannotTouchAnotherDistrictOrTheProvince() {
        String cuChi = machine("cu-chi-district", "cu-chi-district-secret");
        String admin = machine("platform-admin", "platform-admin-secret");
        String quan1Officer = "q1.officer." + PEOPLE.incrementAndGet();
        assertThat(api.postJson("/api/v1/users", admin, person(quan1Officer, QUAN_1, List.of("OFFICER"))).status()).isEqualTo(201);

        assertThat(api.postJson("/api/v1/users", cuChi, person("x." + PEOPLE.incrementAndGet(), QUAN_1, List.of("OFFICER")))
                .status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users", cuChi, person("y." + PEOPLE.incrementAndGet(), "79", List.of("OFFICER")))
                .status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/users/" + quan1Officer + "/disable", cuChi, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + quan1Officer, cuChi).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/users/" + quan1Officer, admin).json().path("status").asString()).isEqualTo("AWAITING_PASSWORD");
        assertThat(api.get("/api/v1/users?q=" + quan1Officer, cuChi).json().path("totalElements").asLong()).isZero();
    }

    @Test
    void nobodyGivesARoleTheyDoNotHoldAndOfficersAdministerNobody() {
        String cuChi = machine("cu-chi-district", "cu-chi-district-secret");
        ApiClient.Response admin = api.postJson("/api/v1/users", cuChi,
                person("z." + PEOPLE.incrementAndGet(), TAN_THANH_DONG, List.of("OFFICER", "ADMIN")));
        assertThat(admin.status()).isEqualTo(422);
        assertThat(admin.json().path("code").asString()).isEqualTo("account.role-not-yours");
        String commune = machine("tan-thanh-dong-commune", "tan-thanh-dong-commune-secret");
        assertThat(api.get("/api/v1/users", commune).status()).isEqualTo(403);
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        String admin = machine("platform-admin", "platform-admin-secret");
        ApiClient.Response refused = api.postJson("/api/v1/users", admin, person("Tên Có Dấu", TAN_THANH_DONG, List.of("OFFICER")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("username");
        assertThat(api.get("/api/v1/users?q=" + java.net.URLEncoder.encode("Có Dấu", java.nio.charset.StandardCharsets.UTF_8),
                admin).json().path("totalElements").asLong()).isZero();
    }

    @Test
    void everyAccountChangeLeavesAnAuditRecordAndAFailedOneNone() {
        String admin = machine("platform-admin", "platform-admin-secret");
        String cuChi = machine("cu-chi-district", "cu-chi-district-secret");
        String username = "audited." + PEOPLE.incrementAndGet();
        assertThat(api.postJson("/api/v1/users", cuChi, person(username, TAN_THANH_DONG, List.of("OFFICER"))).status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/users", cuChi, person(username, TAN_THANH_DONG, List.of("OFFICER"))).status())
                .as("the name is taken").isEqualTo(409);
        assertThat(api.send("PATCH", "/api/v1/users/" + username, cuChi, ApiClient.json(Map.of("roles", List.of("ADMIN"))))
                .status()).isEqualTo(422);
        api.postJson("/api/v1/users/" + username + "/disable", cuChi, "");

        JsonNode trail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + username, admin)
                .json(), records -> records.path("totalElements").asLong() == 2);

        JsonNode disabled = trail.path("content").get(0);
        assertThat(disabled.path("action").asString()).isEqualTo("account.disabled");
        assertThat(disabled.path("actor").asString()).isEqualTo("cu-chi-district");
        assertThat(disabled.path("unitCode").asString()).isEqualTo(TAN_THANH_DONG);
        assertThat(disabled.path("changes").toString()).contains("\"field\":\"enabled\",\"before\":true,\"after\":false");
        JsonNode created = trail.path("content").get(1);
        assertThat(created.path("action").asString()).isEqualTo("account.created");
        assertThat(created.path("changes").toString()).contains("\"field\":\"office\",\"before\":null,\"after\":\"27547\"")
                .contains("\"field\":\"setupCodeHash\",\"before\":null,\"after\":\"***\"");
    }

    @Test
    void anAuditorOfOneDistrictReadsNothingOfAnothersTrail() {
        String admin = machine("platform-admin", "platform-admin-secret");
        String cuChi = machine("cu-chi-district", "cu-chi-district-secret");
        String inCuChi = "trail." + PEOPLE.incrementAndGet();
        api.postJson("/api/v1/users", cuChi, person(inCuChi, TAN_THANH_DONG, List.of("OFFICER")));
        String auditor = "q1.auditor." + PEOPLE.incrementAndGet();
        String code = api.postJson("/api/v1/users", admin, person(auditor, QUAN_1, List.of("AUDITOR"))).json()
                .path("setupCode").asString();
        String quan1Auditor = personToken(auditor, code);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + inCuChi, admin)
                .json().path("totalElements").asLong() == 1);

        assertThat(api.get("/api/v1/audit?subject=" + inCuChi, quan1Auditor).json().path("totalElements").asLong()).isZero();
        assertThat(api.get("/api/v1/audit?unit=" + CU_CHI, quan1Auditor).status()).isEqualTo(403);
        ApiClient.Response own = api.get("/api/v1/audit?subject=" + auditor, quan1Auditor);
        assertThat(own.json().path("content").get(0).path("actor").asString())
                .as("the person who chose the password, by name").isEqualTo(auditor);
        ApiClient.Response export = api.get("/api/v1/audit/export?subject=" + auditor, quan1Auditor);
        assertThat(export.contentType()).startsWith("text/csv");
        assertThat(export.body()).contains("account.created", "account.password-chosen");
    }

    private String machine(String client, String secret) {
        HttpResponse<String> answer = new Browser(port).postForm("/oauth2/token", Map.of("grant_type", "client_credentials"),
                client, secret);
        return "Bearer " + tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body())
                .path("access_token").asString();
    }

    /** The person chooses their password with their code and signs in to the console: their own token. */
    private String personToken(String username, String code) {
        String password = "mật khẩu riêng, đủ dài";
        Browser browser = new Browser(port);
        browser.submit("/setup", "/setup", Map.of("username", username, "code", code, "password", password, "repeat", password));
        browser.get(browser.authorizeUrl("ansinh-console", "http://localhost:8084/"));
        HttpResponse<String> signedIn = browser.submit("/login", "/login", Map.of("username", username, "password", password));
        String back = Browser.location(browser.get(Browser.location(signedIn)));
        HttpResponse<String> tokens = browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", Browser.queryParameter(back, "code"), "redirect_uri", "http://localhost:8084/",
                "client_id", "ansinh-console", "code_verifier", browser.verifier));
        return "Bearer " + tools.jackson.databind.json.JsonMapper.builder().build().readTree(tokens.body())
                .path("access_token").asString();
    }

    private static String person(String username, String office, List<String> roles) {
        return ApiClient.json(Map.of("username", username, "name", "Cán bộ " + username, "office", office, "roles", roles));
    }

    /** The account API's OpenAPI document (docs/openapi/token-issuer.json) is the one the issuer describes, every field described. */
    @Test
    void theCheckedInOpenApiDocumentIsTheIssuers() throws Exception {
        vn.ansinh.testkit.OpenApiDocuments.requireCheckedIn(api, "token-issuer");
    }
}
