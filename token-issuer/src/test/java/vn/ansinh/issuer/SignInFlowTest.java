package vn.ansinh.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.issuer.account.Accounts;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * People sign in through the issuer's own pages with the authorization-code flow and PKCE, over real
 * HTTP, as the console and the field app make them do.
 */
@ActiveProfiles(ProductionCredentials.LOCAL_PROFILE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=token-issuer")
class SignInFlowTest {

    private static final String CONSOLE = "ansinh-console";
    private static final String CONSOLE_HOME = "http://localhost:8084/";
    private static final String API_EXPLORER = "ansinh-api-explorer";
    private static final String DONATION_SWAGGER = "http://localhost:8082/swagger-ui/oauth2-redirect.html";
    private static final String FIELD_APP = "field-app";
    private static final String FIELD_APP_HOME = "http://localhost:8090/signed-in";
    private static final String PASSWORD = "một mật khẩu dài 2026";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "issuer-sign-in");
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;
    @Autowired
    vn.ansinh.platform.adminunit.AdminUnitDirectory directory;

    @Test
    void aPersonSignsInToTheConsoleAndGetsATokenNamingThemTheirOfficeAndRoles() {
        String person = person("783", List.of("OFFICER", "APPROVER"), "Trần Thị Mai");
        Browser browser = new Browser(port);

        String signInPage = Browser.location(browser.get(browser.authorizeUrl(CONSOLE, CONSOLE_HOME)));
        assertThat(signInPage).endsWith("/login");
        assertThat(browser.get("/login").body()).contains("Đăng nhập", "Tên đăng nhập", "Mật khẩu");
        String code = codeAfterSignIn(browser, person, PASSWORD, CONSOLE_HOME);
        Map<?, ?> tokens = tokens(browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CONSOLE_HOME, "client_id", CONSOLE, "code_verifier", browser.verifier)));

        Map<?, ?> claims = claimsOf((String) tokens.get("access_token"));
        assertThat(claims.get("sub")).isEqualTo(person);
        assertThat(claims.get("name")).isEqualTo("Trần Thị Mai");
        assertThat(claims.get("office")).isEqualTo("783");
        assertThat(claims.get("roles")).isEqualTo(List.of("OFFICER", "APPROVER"));
        assertThat(claims.get("aud")).isIn("ansinh-api", List.of("ansinh-api"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(600);
        assertThat(claims.containsKey("organisation")).as("a person of the office itself acts for the whole office").isFalse();
        assertThat(tokens.containsKey("refresh_token")).as("a web page cannot keep a refresh token safe").isFalse();
    }

    @Test
    void aPersonWhoActsForAnOrganisationGetsATokenNamingItAndAdministersOnlyItsPeople() {
        vn.ansinh.testkit.TestEvents.publishDemoUnits();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> directory.isWithin("27547", "783"));
        String person = "hlhpn." + PEOPLE.incrementAndGet();
        Accounts.Issued issued = accounts.create(person, "Phạm Thị Hạnh", "783", "HLHPN", List.of("OFFICER", "ADMIN"), "test-admin");
        accounts.choosePassword(person, issued.setupCode(), PASSWORD);
        Browser browser = new Browser(port);
        browser.get(browser.authorizeUrl(CONSOLE, CONSOLE_HOME));
        String code = codeAfterSignIn(browser, person, PASSWORD, CONSOLE_HOME);
        String accessToken = (String) tokens(browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CONSOLE_HOME, "client_id", CONSOLE, "code_verifier", browser.verifier))).get("access_token");

        assertThat(claimsOf(accessToken).get("organisation")).isEqualTo("HLHPN");
        assertThat(claimsOf(accessToken).get("office")).isEqualTo("783");

        vn.ansinh.testkit.ApiClient api = new vn.ansinh.testkit.ApiClient("http://localhost:" + port);
        String bearer = "Bearer " + accessToken;
        String newcomer = "hlhpn.member." + PEOPLE.incrementAndGet();
        vn.ansinh.testkit.ApiClient.Response forAnother = api.postJson("/api/v1/users", bearer, vn.ansinh.testkit.ApiClient.json(Map.of(
                "username", newcomer, "name", "Võ Văn Hùng", "office", "783", "roles", List.of("OFFICER"), "organisation", "DOAN-TN")));
        vn.ansinh.testkit.ApiClient.Response ownMember = api.postJson("/api/v1/users", bearer, vn.ansinh.testkit.ApiClient.json(Map.of(
                "username", newcomer, "name", "Lý Thị Thu", "office", "783", "roles", List.of("OFFICER"))));
        String officePerson = person("783", List.of("OFFICER"), "Đặng Văn Lộc");

        assertThat(forAnother.status()).isEqualTo(422);
        assertThat(forAnother.json().get("code").asString()).isEqualTo("account.organisation-not-yours");
        assertThat(ownMember.status()).as(ownMember.body()).isEqualTo(201);
        assertThat(ownMember.json().get("account").get("organisation").asString()).as("its own organisation's, unasked").isEqualTo("HLHPN");
        assertThat(api.get("/api/v1/users/" + officePerson, bearer).status()).as("the office's own people are not its to administer")
                .isEqualTo(404);
        tools.jackson.databind.JsonNode listed = api.get("/api/v1/users?office=783", bearer).json().get("content");
        assertThat(listed.findValuesAsString("organisation")).isNotEmpty().containsOnly("HLHPN");
        assertThat(listed.findValuesAsString("username")).contains(newcomer, person).doesNotContain(officePerson);
    }

    @Test
    void aPersonTriesTheApiInSwaggerUiAsThemself() {
        String person = person("783", List.of("OFFICER"), "Lê Văn Tâm");
        Browser browser = new Browser(port);

        browser.get(browser.authorizeUrl(API_EXPLORER, DONATION_SWAGGER));
        String code = codeAfterSignIn(browser, person, PASSWORD, DONATION_SWAGGER);
        Map<?, ?> tokens = tokens(browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", DONATION_SWAGGER, "client_id", API_EXPLORER, "code_verifier", browser.verifier)));

        Map<?, ?> claims = claimsOf((String) tokens.get("access_token"));
        assertThat(claims.get("sub")).isEqualTo(person);
        assertThat(claims.get("office")).isEqualTo("783");
        assertThat(claims.get("aud")).isIn("ansinh-api", List.of("ansinh-api"));
        assertThat(tokens.containsKey("refresh_token")).isFalse();
        HttpResponse<String> elsewhere = browser.get(browser.authorizeUrl(API_EXPLORER, "http://localhost:9999/swagger-ui/oauth2-redirect.html"));
        assertThat(elsewhere.statusCode()).as("only the services' own Swagger pages get a code").isEqualTo(400);
    }

    @Test
    void withoutTheCodeVerifierTheCodeIsWorthNothing() {
        String person = person("27547", List.of("OFFICER"), "Nguyễn Văn Hùng");
        Browser browser = new Browser(port);
        browser.get(browser.authorizeUrl(CONSOLE, CONSOLE_HOME));
        String code = codeAfterSignIn(browser, person, PASSWORD, CONSOLE_HOME);

        HttpResponse<String> refused = browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", CONSOLE_HOME, "client_id", CONSOLE, "code_verifier", "not-the-verifier-" + "x".repeat(30)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid_grant");
    }

    @Test
    void aWrongPasswordIsRefusedInPlainVietnamese() {
        String person = person("783", List.of("OFFICER"), "Lê Văn Nam");
        Browser browser = new Browser(port);
        browser.get(browser.authorizeUrl(CONSOLE, CONSOLE_HOME));

        HttpResponse<String> refused = browser.submit("/login", "/login", Map.of("username", person, "password", "sai mật khẩu rồi"));

        assertThat(Browser.location(refused)).endsWith("/login?error=credentials");
        assertThat(browser.get("/login?error=credentials").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(browser.get("/login?error=credentials&lang=en").body()).contains("The username or password is wrong.");
        assertThat(new Browser(port).get("/login", "en-US,en;q=0.9").body()).as("a browser set to English still gets Vietnamese")
                .contains("Đăng nhập");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String person = person("783", List.of("OFFICER"), "Võ Thị Lan");
        double lockedBefore = meters.counter("ansinh.signin.lockouts").count();
        double failedBefore = meters.counter("ansinh.signin.failures").count();
        Browser browser = new Browser(port);
        browser.get(browser.authorizeUrl(CONSOLE, CONSOLE_HOME));
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.submit("/login", "/login", Map.of("username", person, "password", "đoán thử lần " + attempt));
        }

        HttpResponse<String> rightPassword = browser.submit("/login", "/login", Map.of("username", person, "password", PASSWORD));

        assertThat(Browser.location(rightPassword)).endsWith("/login?error=locked");
        assertThat(browser.get("/login?error=locked").body()).contains("Tài khoản tạm khoá");
        assertThat(meters.counter("ansinh.signin.lockouts").count()).isEqualTo(lockedBefore + 1);
        assertThat(meters.counter("ansinh.signin.failures").count()).isGreaterThanOrEqualTo(failedBefore + 5);
    }

    @Test
    void aDisabledAccountCanNeitherRefreshNorGetANewTokenThroughItsOpenSession() {
        String person = person("760", List.of("OFFICER"), "Đặng Quốc Bảo");
        Browser browser = new Browser(port);
        browser.get(browser.authorizeUrl(FIELD_APP, FIELD_APP_HOME));
        String code = codeAfterSignIn(browser, person, PASSWORD, FIELD_APP_HOME);
        Map<?, ?> tokens = tokens(browser.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", FIELD_APP_HOME, "code_verifier", browser.verifier), FIELD_APP, "field-app-secret"));
        String refreshToken = (String) tokens.get("refresh_token");
        assertThat(refreshToken).as("an app with a secret keeps a refresh token for the working day").isNotNull();
        assertThat(browser.postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                FIELD_APP, "field-app-secret").statusCode()).isEqualTo(200);

        accounts.disable(person);

        HttpResponse<String> refresh = browser.postForm("/oauth2/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken), FIELD_APP, "field-app-secret");
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
        Browser again = browser.fresh();
        String silentCode = Browser.queryParameter(Browser.location(again.get(again.authorizeUrl(FIELD_APP, FIELD_APP_HOME))), "code");
        HttpResponse<String> exchange = again.postForm("/oauth2/token", Map.of("grant_type", "authorization_code", "code", silentCode,
                "redirect_uri", FIELD_APP_HOME, "code_verifier", again.verifier), FIELD_APP, "field-app-secret");
        assertThat(exchange.statusCode()).isEqualTo(400);
        assertThat(exchange.body()).contains("invalid_grant");
        HttpResponse<String> signInAgain = new Browser(port).submit("/login", "/login", Map.of("username", person, "password", PASSWORD));
        assertThat(Browser.location(signInAgain)).endsWith("/login?error=disabled");
    }

    @Test
    void aNewPersonChoosesTheirOwnPasswordWithTheOneTimeCode() {
        String person = "setup." + PEOPLE.incrementAndGet();
        Accounts.Issued issued = accounts.create(person, "Hồ Thị Thu", "27547", List.of("OFFICER"), "test-admin");
        Browser browser = new Browser(port);
        assertThat(Browser.location(browser.submit("/login", "/login", Map.of("username", person, "password", "anything-at-all"))))
                .endsWith("/login?error=setup");

        HttpResponse<String> wrongCode = browser.submit("/setup", "/setup", Map.of("username", person, "code", "AAAAAAAAAA",
                "password", PASSWORD, "repeat", PASSWORD));
        assertThat(wrongCode.statusCode()).isEqualTo(200);
        assertThat(wrongCode.body()).contains("Tên đăng nhập hoặc mã không đúng");
        HttpResponse<String> tooShort = browser.submit("/setup", "/setup", Map.of("username", person, "code", issued.setupCode(),
                "password", "ngắn", "repeat", "ngắn"));
        assertThat(tooShort.body()).contains("Mật khẩu cần ít nhất 10 ký tự.");
        HttpResponse<String> chosen = browser.submit("/setup", "/setup", Map.of("username", person,
                "code", issued.setupCode().toLowerCase(), "password", PASSWORD, "repeat", PASSWORD));
        assertThat(Browser.location(chosen)).endsWith("/login?ready");

        assertThat(Browser.location(browser.submit("/login", "/login", Map.of("username", person, "password", PASSWORD))))
                .doesNotContain("error");
        HttpResponse<String> codeAgain = new Browser(port).submit("/setup", "/setup", Map.of("username", person,
                "code", issued.setupCode(), "password", PASSWORD + "!", "repeat", PASSWORD + "!"));
        assertThat(codeAgain.body()).as("a code works once").contains("Tên đăng nhập hoặc mã không đúng");
    }

    /** A person with an account and their own password, chosen with their setup code. */
    private String person(String office, List<String> roles, String name) {
        String username = "person." + PEOPLE.incrementAndGet();
        Accounts.Issued issued = accounts.create(username, name, office, roles, "test-admin");
        accounts.choosePassword(username, issued.setupCode(), PASSWORD);
        return username;
    }

    /** Signs in on the page the flow led to and follows the flow back to the client: its authorization code. */
    private String codeAfterSignIn(Browser browser, String username, String password, String clientHome) {
        HttpResponse<String> signedIn = browser.submit("/login", "/login", Map.of("username", username, "password", password));
        String back = Browser.location(browser.get(Browser.location(signedIn)));
        assertThat(back).startsWith(clientHome);
        assertThat(Browser.queryParameter(back, "state")).isEqualTo("st-1");
        return Browser.queryParameter(back, "code");
    }

    private Map<?, ?> tokens(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    private Map<?, ?> claimsOf(String jwt) {
        return json.readValue(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8), Map.class);
    }
}
