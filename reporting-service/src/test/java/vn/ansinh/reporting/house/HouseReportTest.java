package vn.ansinh.reporting.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.HouseUpdated;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * "Houses built or repaired for poor households" in Củ Chi, as the district reports them upwards for 2019:
 * counted in the commune where each family lived, by the year each was handed over, with what it cost; the
 * houses still under way; per organisation; a step told twice or late changing nothing; bad input refused;
 * another district reading nothing of them.
 */
class HouseReportTest extends ReportingServiceTest {

    private static final String THI_TRAN = "27496";
    private static final int YEAR = 2019;

    final String cuChi = TestTokens.bearer(CU_CHI, "OFFICER");

    @Test
    void housesHandedOverAreCountedInTheirCommuneAndYearAndTheOnesUnderWayBeside() {
        JsonNode before = api.get("/api/v1/reports/houses?year=" + YEAR, cuChi).json();
        String built = "house-" + UUID.randomUUID();
        String repaired = "house-" + UUID.randomUUID();
        String underWay = "house-" + UUID.randomUUID();
        String lastYear = "house-" + UUID.randomUUID();
        String cancelled = "house-" + UUID.randomUUID();
        LocalDate approved = LocalDate.of(YEAR, 3, 1);

        tell(built, 0, house(built, null, THI_TRAN, "BUILD", "APPROVED", approved, null, null, null));
        tell(built, 1, house(built, null, THI_TRAN, "BUILD", "BUILDING", approved, approved.plusDays(10), null, null));
        tell(built, 2, house(built, null, THI_TRAN, "BUILD", "HANDED_OVER", approved, approved.plusDays(10), approved.plusMonths(3),
                52_000_000L));
        tell(built, 1, house(built, null, THI_TRAN, "BUILD", "BUILDING", approved, approved.plusDays(10), null, null)); // late: changes nothing
        tell(repaired, 0, house(repaired, "HLHPN", TAN_THANH_DONG, "REPAIR", "APPROVED", approved, null, null, null));
        tell(repaired, 1, house(repaired, "HLHPN", TAN_THANH_DONG, "REPAIR", "HANDED_OVER", approved, approved.plusDays(5),
                approved.plusDays(5), 18_000_000L));
        tell(repaired, 1, house(repaired, "HLHPN", TAN_THANH_DONG, "REPAIR", "HANDED_OVER", approved, approved.plusDays(5),
                approved.plusDays(5), 18_000_000L)); // redelivered
        tell(underWay, 0, house(underWay, null, THI_TRAN, "BUILD", "APPROVED", approved, null, null, null));
        tell(lastYear, 0, house(lastYear, null, THI_TRAN, "BUILD", "HANDED_OVER", approved.minusYears(1), approved.minusYears(1),
                approved.minusYears(1).plusMonths(2), 40_000_000L));
        tell(cancelled, 0, house(cancelled, null, THI_TRAN, "REPAIR", "APPROVED", approved, null, null, null));
        tell(cancelled, 1, house(cancelled, null, THI_TRAN, "REPAIR", "CANCELLED", approved, null, null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode after = api.get("/api/v1/reports/houses?year=" + YEAR, cuChi).json();
            assertThat(after.get("unitCode").asString()).isEqualTo(CU_CHI);
            assertThat(after.get("year").asInt()).isEqualTo(YEAR);
            assertThat(delta(before, after, THI_TRAN, "built")).isEqualTo(1);
            assertThat(delta(before, after, THI_TRAN, "cost")).isEqualTo(52_000_000L);
            assertThat(delta(before, after, THI_TRAN, "underway")).as("approved, not cancelled").isEqualTo(1);
            assertThat(delta(before, after, THI_TRAN, "repaired")).as("the cancelled repair counts nowhere").isZero();
            assertThat(delta(before, after, TAN_THANH_DONG, "repaired")).as("told twice, counted once").isEqualTo(1);
            assertThat(after.at("/total/built").asLong() - before.at("/total/built").asLong()).isEqualTo(1);
            assertThat(after.at("/total/cost").asLong() - before.at("/total/cost").asLong()).isEqualTo(70_000_000L);
        });
        // The upward report carries the same figures in its last four columns, on each commune's row and the total's.
        JsonNode counted = api.get("/api/v1/reports/houses?year=" + YEAR, cuChi).json();
        String[] lines = api.get("/api/v1/reports/export?format=csv&year=" + YEAR, cuChi).body().split("\r?\n");
        assertThat(lines[0]).endsWith("Nhà xây mới đã bàn giao,Nhà sửa chữa đã bàn giao,Kinh phí nhà đã bàn giao (đồng),Nhà đang thực hiện");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(THI_TRAN + ",").endsWith("," + figure(counted, THI_TRAN, "built")
                + "," + figure(counted, THI_TRAN, "repaired") + "," + figure(counted, THI_TRAN, "cost") + ","
                + figure(counted, THI_TRAN, "underway")));
        assertThat(lines[lines.length - 1]).startsWith(CU_CHI + ",").endsWith("," + counted.at("/total/built").asLong() + ","
                + counted.at("/total/repaired").asLong() + "," + counted.at("/total/cost").asLong() + ","
                + counted.at("/total/underway").asLong());
        JsonNode earlier = api.get("/api/v1/reports/houses?year=" + (YEAR - 1) + "&unit=" + THI_TRAN, cuChi).json();
        assertThat(earlier.at("/total/built").asLong()).as("the house of the year before, in its year").isGreaterThanOrEqualTo(1);
        JsonNode womensUnion = api.get("/api/v1/reports/houses?year=" + YEAR + "&organisationCode=HLHPN", cuChi).json();
        assertThat(womensUnion.at("/total/repaired").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(womensUnion.at("/total/built").asLong()).as("the district's own houses are not the union's").isZero();
        JsonNode province = api.get("/api/v1/reports/houses?year=" + YEAR + "&unit=" + HO_CHI_MINH_CITY,
                TestTokens.bearer(HO_CHI_MINH_CITY, "OFFICER")).json();
        assertThat(province.get("units").findValuesAsString("unitCode")).as("the city reads its districts").contains(CU_CHI);
    }

    @Test
    void badInputIsRefusedAndAnotherDistrictReadsNothingOfTheHouses() {
        for (String bad : new String[] {"?year=1800", "?year=abc", "?unit=%3Cscript%3E", "?organisationCode=hl%20hpn"}) {
            ApiClient.Response refused = api.get("/api/v1/reports/houses" + bad, cuChi);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(api.get("/api/v1/reports/houses?unit=" + CU_CHI, TestTokens.bearer(QUAN_1, "OFFICER")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reports/houses?unit=" + CU_CHI, null).status()).isEqualTo(401);
    }

    private static long delta(JsonNode before, JsonNode after, String unit, String field) {
        return figure(after, unit, field) - figure(before, unit, field);
    }

    private static long figure(JsonNode report, String unit, String field) {
        for (JsonNode row : report.get("units")) {
            if (row.get("unitCode").asString().equals(unit)) {
                return row.get(field).asLong();
            }
        }
        return 0;
    }

    private static HouseUpdated house(String id, String organisation, String commune, String kind, String stage, LocalDate approvedOn,
                                      LocalDate startedOn, LocalDate handedOverOn, Long cost) {
        return new HouseUpdated(id, CU_CHI, organisation, commune, kind, stage, "Nhà Đại đoàn kết", 50_000_000L, cost, approvedOn,
                startedOn, handedOverOn, "CANCELLED".equals(stage) ? approvedOn.plusDays(7) : null, null);
    }

    private static void tell(String id, long sequence, HouseUpdated house) {
        TestEvents.publish(Topics.CAMPAIGNS.name(), EventTypes.HOUSE_UPDATED, id, sequence, house);
    }
}
