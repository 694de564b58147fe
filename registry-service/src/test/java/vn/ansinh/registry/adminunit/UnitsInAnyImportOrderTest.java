package vn.ansinh.registry.adminunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.ServiceTest;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestTokens;

/**
 * The two-level list imported before the three-level one (the other order than the README's): a plain
 * code still means the unit that carries it today, or on the date a request gives, in the unit
 * endpoints and in office scopes. Its own database, so the import order is really this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=registry-service",
        "ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json"})
class UnitsInAnyImportOrderTest extends ServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registry-units-order-test");
    }

    final String admin = TestTokens.bearer("VN", "ADMIN", "OFFICER", "APPROVER");

    @Test
    void aPlainCodeMeansTheUnitThatCarriesItOnTheDay() throws IOException {
        assertThat(api.postFile("/api/v1/admin-units/import", admin, "new.json", fixture("an-giang-two-level.json")).status()).isEqualTo(200);
        assertThat(api.postFile("/api/v1/admin-units/import", admin, "old.json", fixture("an-giang-three-level.json")).status()).isEqualTo(200);
        assertThat(api.postFile("/api/v1/admin-units/merges", admin, "merges.json", fixture("an-giang-merges.json")).status()).isEqualTo(200);

        JsonNode today = api.get("/api/v1/admin-units/30325", admin).json();
        assertThat(today.get("name").asString()).isEqualTo("Phường Vĩnh Tế");
        assertThat(today.get("validFrom").asString()).isEqualTo("2025-07-01");
        JsonNode before = api.get("/api/v1/admin-units/30325?date=2024-06-01", admin).json();
        assertThat(before.get("name").asString()).isEqualTo("Phường Núi Sam");
        assertThat(before.get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(before.get("code").asString()).as("the answer names the unit it chose").isNotEqualTo(today.get("code").asString());
        assertThat(names(api.get("/api/v1/admin-units?parent=91", admin).json()))
                .containsExactlyInAnyOrder("Phường Châu Đốc", "Phường Vĩnh Tế");
        assertThat(api.get("/api/v1/admin-units/91?date=2024-12-31", admin).json().get("name").asString()).isEqualTo("Tỉnh Kiên Giang");
        assertThat(names(api.get("/api/v1/admin-units?parent=884&date=2024-12-31", admin).json())).contains("Phường Núi Sam")
                .doesNotContain("Phường Vĩnh Tế");
        JsonNode mergedAway = api.get("/api/v1/admin-units/30334", admin).json();
        assertThat(mergedAway.get("name").asString()).as("a code nobody carries today: the last unit that did").isEqualTo("Xã Vĩnh Châu");
        assertThat(mergedAway.get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(api.get("/api/v1/admin-units/99999", admin).status()).isEqualTo(404);
        // The residents' page lists units without a token: today's units, names and codes only.
        assertThat(names(api.get("/api/v1/public/admin-units?parent=91", null).json()))
                .containsExactlyInAnyOrder("Phường Châu Đốc", "Phường Vĩnh Tế");
        assertThat(api.get("/api/v1/public/admin-units/30325", null).json().get("name").asString()).isEqualTo("Phường Vĩnh Tế");
        assertThat(api.get("/api/v1/public/admin-units/99999", null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/public/admin-units?parent=x%3B1", null).status()).isEqualTo(400);

        // A household registered under the plain code goes to today's ward, and an office "91" is today's An Giang.
        ApiClient.Response registered = api.postJson("/api/v1/households", admin, ApiClient.json(java.util.Map.of(
                "headName", "Trần Thị Mai", "members", List.of(java.util.Map.of("fullName", "Trần Thị Mai", "dateOfBirth", "1970-02-03",
                        "gender", "FEMALE", "relation", "HEAD")), "address", java.util.Map.of("unitCode", "30325"),
                "categories", List.of("POOR"), "povertyStatus", "POOR")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("address").get("unitCode").asString()).isEqualTo(today.get("code").asString());
        String household = registered.json().get("id").asString();
        String anGiang = TestTokens.bearer("91", "OFFICER");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/api/v1/households/" + household, anGiang).status())
                .as("office 91 is the An Giang of today").isEqualTo(200));
        assertThat(api.get("/api/v1/households?unit=30325&size=50", anGiang).json().get("content").toString()).contains(household);
    }

    private static List<String> names(JsonNode units) {
        List<String> names = new ArrayList<>();
        units.forEach(unit -> names.add(unit.get("name").asString()));
        return names;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = UnitsInAnyImportOrderTest.class.getResourceAsStream("/reform/" + name)) {
            return in.readAllBytes();
        }
    }
}
