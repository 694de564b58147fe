package vn.ansinh.registry.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/** Finding households by name the way officers type them: with or without diacritics, any case. */
class HouseholdSearchTest extends RegistryServiceTest {

    @Test
    void aNameTypedWithoutDiacriticsFindsTheHouseholdInTheCallersArea() {
        String family = "Hoàng" + uniqueLetters(6);
        register(TAN_THANH_DONG, family + " Thị Thuỷ", "POOR");
        register(TAN_THANH_DONG, family + " Văn Đức", "NEAR_POOR");
        register(CAU_KHO, family + " Thị Hoà", "POOR");

        String typed = family.replace("Hoàng", "hoang") + " thi";
        JsonNode cuChi = search(CU_CHI, "/api/v1/households?q=" + typed);
        JsonNode city = search("79", "/api/v1/households?unit=79&q=" + typed);

        assertThat(cuChi.get("totalElements").asLong()).isEqualTo(1);
        assertThat(cuChi.get("content").get(0).get("headName").asString()).isEqualTo(family + " Thị Thuỷ");
        assertThat(city.get("totalElements").asLong()).isEqualTo(2);
        assertThat(search(CU_CHI, "/api/v1/households?q=" + family.replace("Hoàng", "HOANG") + "%20van%20duc")
                .get("totalElements").asLong()).isEqualTo(1);
    }

    @Test
    void categoryFilterAndPagingFollowTheContract() {
        String family = "Lý" + uniqueLetters(6);
        for (int i = 0; i < 5; i++) {
            register(TAN_THANH_DONG, family + " Văn " + (char) ('A' + i), i < 3 ? "POOR" : "NEAR_POOR");
        }

        JsonNode firstPage = search(CU_CHI, "/api/v1/households?category=POOR&size=2&q=" + family);
        JsonNode lastPage = search(CU_CHI, "/api/v1/households?category=POOR&size=2&page=1&q=" + family);

        assertThat(firstPage.get("totalElements").asLong()).isEqualTo(3);
        assertThat(firstPage.get("content")).hasSize(2);
        assertThat(firstPage.get("last").asBoolean()).isFalse();
        assertThat(lastPage.get("content")).hasSize(1);
        assertThat(lastPage.get("last").asBoolean()).isTrue();
    }

    @Test
    void anotherDistrictsListIsForbiddenAndAbsurdPageSizesAreRefused() {
        assertThat(api.get("/api/v1/households?unit=" + QUAN_1, TestTokens.bearer(CU_CHI, "OFFICER")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/households?size=100000", TestTokens.bearer(CU_CHI, "OFFICER")).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/households?category=RICH", TestTokens.bearer(CU_CHI, "OFFICER")).status()).isEqualTo(400);
    }

    @Test
    void aListOfIdsGivesThoseHouseholdsOfTheCallersAreaInOneCall() {
        String family = "Đỗ" + uniqueLetters(6);
        String first = register(TAN_THANH_DONG, family + " Văn Một", "POOR");
        String second = register(TAN_THANH_DONG, family + " Thị Hai", "POOR");
        String elsewhere = register(CAU_KHO, family + " Văn Ba", "POOR");

        JsonNode found = search(CU_CHI, "/api/v1/households?ids=" + first + "," + second + "," + elsewhere + ",no-such-id");

        assertThat(found.get("content")).extracting(h -> h.get("id").asString()).containsExactlyInAnyOrder(first, second);
        assertThat(api.get("/api/v1/households?ids=a%20b", TestTokens.bearer(CU_CHI, "OFFICER")).status())
                .as("an id that cannot be one").isEqualTo(400);
    }

    private JsonNode search(String office, String path) {
        ApiClient.Response response = api.get(path.replace(" ", "%20"), TestTokens.bearer(office, "OFFICER"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String register(String unit, String name, String status) {
        Map<String, Object> body = new HashMap<>(household(unit));
        body.put("headName", name);
        body.put("members", List.of(Map.of("fullName", name, "dateOfBirth", "1970-01-01", "gender", "MALE")));
        body.put("categories", List.of(status));
        body.put("povertyStatus", status);
        ApiClient.Response registered = api.postJson("/api/v1/households", TestTokens.bearer("VN", "OFFICER"), ApiClient.json(body));
        assertThat(registered.status()).isEqualTo(201);
        return registered.json().get("id").asString();
    }
}
