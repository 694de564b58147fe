package vn.ansinh.registry.adminunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.Topics;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * The 2025 reform on real units of An Giang: the old province 89 and Kiên Giang (91) became the new
 * An Giang under code 91; Núi Sam (30325) and Xã Vĩnh Tế went wholly into the new Phường Vĩnh Tế,
 * which took code 30325; Xã Vĩnh Châu was split between Châu Đốc and Vĩnh Tế.
 */
class ReorganisationTest extends RegistryServiceTest {

    static final String OLD_NUI_SAM = "30325";
    static final String NEW_VINH_TE = "30325@2025-07-01";
    static final String NEW_AN_GIANG = "91@2025-07-01";

    @Test
    void householdsOfAMergedCommuneAreFoundUnderTheNewUnitKeepTheirOldOneAndNewOnesGoToTheNewUnit() throws IOException {
        String admin = TestTokens.bearer("VN", "ADMIN", "OFFICER");
        ApiClient.Response oldList = api.postFile("/api/v1/admin-units/import", admin, "old.json", fixture("an-giang-three-level.json"));
        assertThat(oldList.status()).isEqualTo(200);
        assertThat(oldList.json().get("read").asInt()).isEqualTo(10);
        String inNuiSam = register(admin, OLD_NUI_SAM);
        String inVinhChau = register(admin, "30334");
        // Looked up before the reform too: what this instance remembered of it must not outlive the imports below.
        register(admin, "30331");

        ApiClient.Response newList = api.postFile("/api/v1/admin-units/import", admin, "new.json", fixture("an-giang-two-level.json"));
        assertThat(newList.json().get("created").asInt()).isEqualTo(3);
        JsonNode vinhTe = api.get("/api/v1/admin-units/" + NEW_VINH_TE, admin).json();
        assertThat(vinhTe.get("name").asString()).isEqualTo("Phường Vĩnh Tế");
        assertThat(vinhTe.get("gsoCode").asString()).isEqualTo("30325");
        assertThat(vinhTe.get("parentCode").asString()).isEqualTo(NEW_AN_GIANG);
        assertThat(api.get("/api/v1/admin-units/30325?date=2025-06-30", admin).json().get("name").asString())
                .as("the old unit under the reused code is still there, on a date it stood").isEqualTo("Phường Núi Sam");
        assertThat(api.get("/api/v1/admin-units/30325", admin).json().get("code").asString())
                .as("a plain code means the unit that carries it today").isEqualTo(NEW_VINH_TE);

        ApiClient.Response merges = api.postFile("/api/v1/admin-units/merges", admin, "merges.json", fixture("an-giang-merges.json"));
        assertThat(merges.status()).isEqualTo(200);
        assertThat(merges.json().get("unitsClosed").asInt()).as("89, old 91 and the seven wards").isEqualTo(9);
        JsonNode nuiSam = api.get("/api/v1/admin-units/" + OLD_NUI_SAM + "?date=2025-06-30", admin).json();
        assertThat(nuiSam.get("validTo").asString()).isEqualTo("2025-06-30");
        assertThat(nuiSam.get("mergedInto").asString()).isEqualTo(NEW_VINH_TE);
        JsonNode vinhChau = api.get("/api/v1/admin-units/30334", admin).json();
        assertThat(vinhChau.get("partlyMergedInto")).hasSize(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(idsIn(NEW_VINH_TE, admin)).contains(inNuiSam));
        assertThat(idsIn(NEW_AN_GIANG, admin)).contains(inNuiSam, inVinhChau);
        assertThat(idsIn("884", admin)).as("the old city's records still answer for it").contains(inNuiSam, inVinhChau);
        JsonNode household = api.get("/api/v1/households/" + inNuiSam, admin).json();
        assertThat(household.get("address").get("unitCode").asString()).as("the household keeps the unit it was registered in")
                .isEqualTo(OLD_NUI_SAM);
        assertThat(api.get("/api/v1/households/" + inNuiSam, TestTokens.bearer(NEW_VINH_TE, "OFFICER")).status())
                .as("the new ward's office sees it").isEqualTo(200);
        assertThat(PublishedEvents.readAll(Topics.ADMIN_UNITS.name()).stream()
                .filter(e -> OLD_NUI_SAM.equals(e.key())).reduce((first, last) -> last).orElseThrow().payload())
                .contains("\"mergedInto\":\"" + NEW_VINH_TE + "\"");

        // After the reform a plain code means the unit that carries it today; a merged unit is refused with its successor.
        ApiClient.Response registered = api.postJson("/api/v1/households", admin, ApiClient.json(household(OLD_NUI_SAM)));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("address").get("unitCode").asString()).isEqualTo(NEW_VINH_TE);

        ApiClient.Response refused = api.postJson("/api/v1/households", admin, ApiClient.json(household("30331")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("unit-merged");
        assertThat(refused.json().get("detail").asString()).contains("Xã Vĩnh Tế", "Phường Vĩnh Tế", NEW_VINH_TE);
    }

    private String register(String token, String unitCode) {
        ApiClient.Response response = api.postJson("/api/v1/households", token, ApiClient.json(household(unitCode)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private List<String> idsIn(String unit, String token) {
        JsonNode page = api.get("/api/v1/households?size=2000&unit=" + URLEncoder.encode(unit, StandardCharsets.UTF_8), token).json();
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(h -> ids.add(h.get("id").asString()));
        return ids;
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ReorganisationTest.class.getResourceAsStream("/reform/" + name)) {
            return in.readAllBytes();
        }
    }
}
