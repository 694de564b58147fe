package vn.ansinh.registry.adminunit;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the official unit list in either of its shapes: three levels (province → District[] →
 * Ward[], in force until the 2025 reform) or two levels (province → Wards[], from 1 July 2025). The
 * three-level list does not say when it ends: the reform's merge mapping closes its units.
 */
class OfficialUnitListParser {

    static final LocalDate REFORM_DATE = LocalDate.of(2025, 7, 1);

    private final JsonMapper jsonMapper;

    public OfficialUnitListParser(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public List<AdminUnit> parse(InputStream json) throws IOException {
        JsonNode root = jsonMapper.readTree(json);
        if (!root.isArray()) {
            throw new IllegalArgumentException("The unit list must be a JSON array of provinces");
        }
        List<AdminUnit> units = new ArrayList<>();
        for (JsonNode province : root) {
            boolean threeLevel = province.has("District");
            LocalDate from = threeLevel ? null : REFORM_DATE;
            LocalDate to = null;
            String provinceCode = text(province, "Code");
            units.add(new AdminUnit(provinceCode, text(province, "FullName"), UnitLevel.PROVINCE, null, from, to));
            if (threeLevel) {
                for (JsonNode district : province.path("District")) {
                    String districtCode = text(district, "Code");
                    units.add(new AdminUnit(districtCode, text(district, "FullName"), UnitLevel.DISTRICT, provinceCode, from, to));
                    for (JsonNode ward : district.path("Ward")) {
                        units.add(new AdminUnit(text(ward, "Code"), text(ward, "FullName"), UnitLevel.COMMUNE, districtCode, from, to));
                    }
                }
            } else {
                for (JsonNode ward : province.path("Wards")) {
                    units.add(new AdminUnit(text(ward, "Code"), text(ward, "FullName"), UnitLevel.COMMUNE, provinceCode, from, to));
                }
            }
        }
        return units;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw new IllegalArgumentException("A unit lacks its " + field);
        }
        return value.asString().strip();
    }
}
