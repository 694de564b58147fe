package vn.ansinh.distribution.housing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;

/**
 * "Houses built or repaired for poor households" as offices report them upwards: per unit directly below
 * the area, those handed over in a year — built, repaired, what they cost — with the houses still under
 * way today, and a total row. A house counts in the unit where its household lived when it was approved.
 */
@Component
class HouseCounts {

    /**
     * One row.
     *
     * @param underway houses approved or being built today (whatever the year asked)
     */
    record UnitHouses(String unitCode, String unitName, long built, long repaired, long cost, long underway) {
    }

    record HousesReport(String unitCode, int year, List<UnitHouses> units, UnitHouses total) {
    }

    private final Houses houses;
    private final AdminUnitDirectory directory;

    HouseCounts(Houses houses, AdminUnitDirectory directory) {
        this.houses = houses;
        this.directory = directory;
    }

    HousesReport of(String unit, int year) {
        String area = houses.areaOf(unit);
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        // Every unit below has its row, a unit merged away only when a house was counted in it.
        List<AdminUnitDirectory.Unit> below = directory.children(area);
        below.stream().filter(child -> child.mergedInto() == null).forEach(child -> byUnit.put(child.code(), new long[4]));
        Map<String, String> rowOf = new HashMap<>();
        for (House house : houses.countedIn(area, year)) {
            boolean handedOverThisYear = house.getStage() == House.Stage.HANDED_OVER && house.getHandedOverOn().getYear() == year;
            if (!handedOverThisYear && !house.inProgress()) {
                continue;
            }
            // Many houses share a commune: which row it falls in is worked out once per commune, not once per house.
            String row = rowOf.computeIfAbsent(house.getUnitCode(), code -> below.stream().map(AdminUnitDirectory.Unit::code)
                    .filter(child -> directory.isWithin(code, child)).findFirst().orElse(area));
            long[] figures = byUnit.computeIfAbsent(row, code -> new long[4]);
            if (handedOverThisYear) {
                figures[house.getKind() == House.Kind.BUILD ? 0 : 1]++;
                figures[2] += house.getCost();
            } else {
                figures[3]++;
            }
        }
        List<UnitHouses> rows = new ArrayList<>();
        long[] total = new long[4];
        byUnit.forEach((code, figures) -> {
            rows.add(new UnitHouses(code, directory.find(code).map(AdminUnitDirectory.Unit::name).orElse(code), figures[0], figures[1],
                    figures[2], figures[3]));
            for (int i = 0; i < 4; i++) {
                total[i] += figures[i];
            }
        });
        return new HousesReport(area, year, rows, new UnitHouses(area, directory.find(area).map(AdminUnitDirectory.Unit::name).orElse(area),
                total[0], total[1], total[2], total[3]));
    }
}
