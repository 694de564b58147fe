package vn.ansinh.registry.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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

/**
 * Yearly statistics and targets, which the reports divide by: entered by an office for its own unit and
 * the units of its area, imported whole or not at all, published for the reports keyed by unit and year.
 */
class UnitStatisticsTest extends RegistryServiceTest {

    @Test
    void aDistrictEntersItsStatisticsAndTargetsAndEachChangeIsPublishedOnce() {
        ApiClient.Response entered = put("/api/v1/admin-units/" + CU_CHI + "/statistics/2023", officer(CU_CHI),
                Map.of("totalHouseholds", 118_540, "ethnicMinorityHouseholds", 1_204));
        assertThat(entered.status()).isEqualTo(200);
        assertThat(entered.json().get("unitName").asString()).isEqualTo("Huyện Củ Chi");
        assertThat(entered.json().get("missing").asBoolean()).isFalse();
        assertThat(put("/api/v1/admin-units/" + CU_CHI + "/statistics/2023", officer(CU_CHI),
                Map.of("totalHouseholds", 118_540, "ethnicMinorityHouseholds", 1_204)).status()).isEqualTo(200);

        ApiClient.Response targets = put("/api/v1/admin-units/" + CU_CHI + "/targets/2023", approver(CU_CHI),
                Map.of("poorRatePercent", 0.5, "nearPoorRatePercent", 1.2));
        assertThat(targets.status()).isEqualTo(200);

        JsonNode read = api.get("/api/v1/admin-units/" + CU_CHI + "/statistics/2023", TestTokens.bearer(CU_CHI, "AUDITOR")).json();
        assertThat(read.get("totalHouseholds").asLong()).isEqualTo(118_540);
        assertThat(read.get("ethnicMinorityHouseholds").asLong()).isEqualTo(1_204);
        assertThat(read.get("poorRateTargetPercent").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(read.get("nearPoorRateTargetPercent").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(read.has("ethnicMinorityPoorRateTargetPercent")).isFalse();
        assertThat(read.get("statisticsEnteredBy").asString()).isNotBlank();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<PublishedEvents.Event> events = PublishedEvents.readAll(Topics.ADMIN_UNITS.name()).stream()
                    .filter(e -> (CU_CHI + ":2023").equals(e.key())).toList();
            // The repeated entry changed nothing and published nothing.
            assertThat(events).extracting(PublishedEvents.Event::type)
                    .containsExactly(EventTypes.UNIT_STATISTICS_RECORDED, EventTypes.UNIT_STATISTICS_RECORDED);
            assertThat(events.get(1).payload()).contains("\"totalHouseholds\":118540", "\"poorRateTarget\":0.5");
        });
    }

    @Test
    void aCityEntersForItsDistrictsButNoDistrictForAnother() {
        assertThat(put("/api/v1/admin-units/" + QUAN_1 + "/statistics/2022", officer(HO_CHI_MINH_CITY),
                Map.of("totalHouseholds", 32_000)).status()).isEqualTo(200);

        ApiClient.Response outside = put("/api/v1/admin-units/" + QUAN_1 + "/statistics/2021", officer(CU_CHI),
                Map.of("totalHouseholds", 32_000));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("code").asString()).isEqualTo("out-of-scope");
        assertThat(api.get("/api/v1/admin-units/" + QUAN_1 + "/statistics/2022", officer(CU_CHI)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin-units/" + QUAN_1 + "/statistics/2021", officer(QUAN_1)).status()).isEqualTo(404);
    }

    @Test
    void wrongFiguresAreRefusedAndNothingIsStored() {
        String path = "/api/v1/admin-units/" + TAN_THANH_DONG + "/statistics/2020";
        assertThat(fieldOf(put(path, officer(CU_CHI), Map.of("totalHouseholds", 0)))).isEqualTo("totalHouseholds");
        assertThat(fieldOf(put(path, officer(CU_CHI), Map.of("totalHouseholds", 100, "ethnicMinorityHouseholds", 101))))
                .isEqualTo("ethnicMinorityHouseholds");
        assertThat(fieldOf(put("/api/v1/admin-units/" + TAN_THANH_DONG + "/statistics/1999", officer(CU_CHI),
                Map.of("totalHouseholds", 100)))).isEqualTo("year");
        assertThat(fieldOf(put("/api/v1/admin-units/" + TAN_THANH_DONG + "/targets/2020", approver(CU_CHI),
                Map.of("poorRatePercent", 6.111)))).isEqualTo("poorRatePercent");
        assertThat(fieldOf(put("/api/v1/admin-units/" + TAN_THANH_DONG + "/targets/2020", approver(CU_CHI),
                Map.of("poorRatePercent", 101)))).isEqualTo("poorRatePercent");
        assertThat(put("/api/v1/admin-units/" + TAN_THANH_DONG + "/targets/2020", officer(CU_CHI),
                Map.of("poorRatePercent", 1)).status()).isEqualTo(403);
        assertThat(put(path, TestTokens.bearer(CU_CHI, "AUDITOR"), Map.of("totalHouseholds", 100)).status()).isEqualTo(403);
        assertThat(put("/api/v1/admin-units/99999/statistics/2020", officer("VN"), Map.of("totalHouseholds", 100)).status())
                .isEqualTo(422);

        assertThat(api.get(path, officer(CU_CHI)).status()).isEqualTo(404);
        assertThat(PublishedEvents.readAll(Topics.ADMIN_UNITS.name())).noneMatch(e -> (TAN_THANH_DONG + ":2020").equals(e.key()));
    }

    @Test
    void aFileIsImportedWholeOrNotAtAllAndTheListShowsWhatIsMissing() {
        String good = "unit_code,year,total_households,ethnic_minority_households\n"
                + CU_CHI + ",2019,118.200,1.190\n" + TAN_THANH_DONG + ",2019,4210,\n";
        JsonNode imported = importCsv(officer(CU_CHI), good).json();
        assertThat(imported.get("read").asInt()).isEqualTo(2);
        assertThat(imported.get("created").asInt()).isEqualTo(2);
        assertThat(importCsv(officer(CU_CHI), good).json().get("unchanged").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/admin-units/" + CU_CHI + "/statistics/2019", officer(CU_CHI)).json()
                .get("totalHouseholds").asLong()).isEqualTo(118_200);

        JsonNode listed = api.get("/api/v1/admin-units/statistics?unit=" + CU_CHI + "&year=2019", officer(CU_CHI)).json();
        assertThat(listed.findValuesAsString("unitCode")).contains(CU_CHI, TAN_THANH_DONG, "27496");
        for (JsonNode row : listed) {
            assertThat(row.get("missing").asBoolean()).isEqualTo(!List.of(CU_CHI, TAN_THANH_DONG).contains(row.get("unitCode").asString()));
        }

        String bad = "unit_code,year,total_households,ethnic_minority_households\n"
                + "27496,2018,3900,10\n" + TAN_THANH_DONG + ",2018,4210,5000\n" + CAU_KHO + ",2018,2100,0\n"
                + "27496,2018,3900,10\n" + "27496,hai nghìn,3900,10\n";
        ApiClient.Response refused = importCsv(officer(CU_CHI), bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "rows[2].ethnic_minority_households", "rows[3].unit_code", "rows[4].unit_code", "rows[5].year");
        assertThat(api.get("/api/v1/admin-units/27496/statistics/2018", officer(CU_CHI)).status()).isEqualTo(404);

        assertThat(importCsv(officer(CU_CHI), "ma,nam\n27496,2018\n").status()).isEqualTo(400);
        assertThat(importCsv(officer(CU_CHI), String.join(",", UnitStatisticsService.HEADER) + "\n").status()).isEqualTo(400);
    }

    private ApiClient.Response put(String path, String token, Map<String, Object> body) {
        return api.send("PUT", path, token, ApiClient.json(body));
    }

    private ApiClient.Response importCsv(String token, String csv) {
        return api.post("/api/v1/admin-units/statistics/import", token, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String fieldOf(ApiClient.Response refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        return refused.json().get("errors").get(0).get("field").asString();
    }

    private static String officer(String office) {
        return TestTokens.bearer(office, "OFFICER");
    }

    private static String approver(String office) {
        return TestTokens.bearer(office, "APPROVER");
    }
}
