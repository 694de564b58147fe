package vn.ansinh.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.testkit.TestInfrastructure;

/** One address guessing secrets or passwords is stopped before any is checked. */
@ActiveProfiles(ProductionCredentials.LOCAL_PROFILE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=token-issuer", "ansinh.issuer.sign-in.attempts-per-minute=4"})
class SignInRateLimitTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "issuer-rate-limit");
    }

    @LocalServerPort
    int port;

    @Test
    void theFifthGuessInAMinuteIsRefusedWithRetryAfter() {
        Browser browser = new Browser(port);
        for (int guess = 1; guess <= 4; guess++) {
            assertThat(browser.postForm("/oauth2/token", Map.of("grant_type", "client_credentials"), "cu-chi-district",
                    "guess-" + guess).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> fifth = browser.postForm("/oauth2/token", Map.of("grant_type", "client_credentials"),
                "cu-chi-district", "cu-chi-district-secret");

        assertThat(fifth.statusCode()).as("even the right secret waits").isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(fifth.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(browser.postForm("/login", Map.of("username", "cuchi.approver", "password", "cuchi-demo-password"))
                .statusCode()).isEqualTo(429);
        assertThat(browser.get("/login").statusCode()).as("reading the page is not limited").isEqualTo(200);
    }
}
