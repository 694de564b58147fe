package vn.ansinh.registry.adminunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class OfficialUnitListParserTest {

    final OfficialUnitListParser parser = new OfficialUnitListParser(JsonMapper.builder().build());

    @Test
    void theThreeLevelListGivesProvincesDistrictsAndCommunesWithoutAnEndDate() throws Exception {
        List<AdminUnit> units = parse("/fixtures/demo-admin-units.json");

        assertThat(units.stream().filter(u -> u.getLevel() == UnitLevel.PROVINCE)).hasSize(1);
        assertThat(units.stream().filter(u -> u.getLevel() == UnitLevel.DISTRICT)).hasSize(2);
        assertThat(units.stream().filter(u -> u.getLevel() == UnitLevel.COMMUNE)).hasSize(31);
        AdminUnit tanThanhDong = units.stream().filter(u -> u.getCode().equals("27547")).findFirst().orElseThrow();
        assertThat(tanThanhDong.getName()).isEqualTo("Xã Tân Thạnh Đông");
        assertThat(tanThanhDong.getParentCode()).isEqualTo("783");
        assertThat(tanThanhDong.getValidTo()).as("the list does not say; the merge mapping closes it").isNull();
        assertThat(tanThanhDong.getValidFrom()).isNull();
    }

    @Test
    void theTwoLevelListGivesCommunesDirectlyUnderTheirProvinceFromTheReformOn() throws Exception {
        List<AdminUnit> units = parse("/fixtures/two-level-sample.json");

        assertThat(units).extracting(AdminUnit::getCode).containsExactly("79", "26743", "27496", "91", "30307");
        AdminUnit longXuyen = units.get(4);
        assertThat(longXuyen.getName()).isEqualTo("Phường Long Xuyên");
        assertThat(longXuyen.getLevel()).isEqualTo(UnitLevel.COMMUNE);
        assertThat(longXuyen.getParentCode()).isEqualTo("91");
        assertThat(longXuyen.getValidFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(longXuyen.getValidTo()).isNull();
    }

    @Test
    void aListThatIsNotAnArrayOrLacksCodesIsRefused() {
        assertThatThrownBy(() -> parser.parse(text("{\"Code\": \"79\"}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> parser.parse(text("[{\"FullName\": \"Tỉnh X\", \"Wards\": []}]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Code");
    }

    private List<AdminUnit> parse(String resource) throws Exception {
        try (InputStream json = getClass().getResourceAsStream(resource)) {
            return parser.parse(json);
        }
    }

    private static InputStream text(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
