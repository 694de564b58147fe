package vn.ansinh.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/** What operators and integrators rely on: health, metrics of the event flow, and the API description. */
class OperationalEndpointsTest extends RegistryServiceTest {

    @Test
    void healthIsUpWithMongoAndTheKafkaBinder() {
        ApiClient.Response health = api.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("binders").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsPublishedEventsAndTheOutboxBacklog() {
        api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"),
                ApiClient.json(household(TAN_THANH_DONG)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus", null).body();
            assertThat(metrics).contains("ansinh_events_published_total{collection=\"households\"")
                    .contains("ansinh_outbox_backlog").contains("ansinh_events_consumed_total");
        });
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsAndTheBearerScheme() {
        ApiClient.Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/households")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/admin-units/import")).isTrue();
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(api.get("/swagger-ui.html", null).status()).isIn(200, 302);
        // "Authorize" signs a person in at the issuer with PKCE, as the issuer's api-explorer client.
        assertThat(docs.json().get("components").get("securitySchemes").get("person").get("flows").get("authorizationCode")
                .get("authorizationUrl").asString()).endsWith("/oauth2/authorize");
        String swaggerUi = api.get("/swagger-ui/swagger-initializer.js", null).body()
                + api.get("/v3/api-docs/swagger-config", null).body();
        assertThat(swaggerUi).contains("ansinh-api-explorer").contains("usePkceWithAuthorizationCodeGrant");
    }
}
