package vn.ansinh.reporting.house;

import java.util.List;

/**
 * "Houses built or repaired for poor households" in an area and a year, one row per unit directly below
 * it and a total row.
 *
 * @param organisationCode the organisation the figures were narrowed to (OFFICE: the offices' own), or null for all
 */
public record HouseReport(String unitCode, int year, String organisationCode, List<UnitHouses> units, UnitHouses total) {

    /**
     * One unit's houses.
     *
     * @param built    new houses handed over in the year
     * @param repaired repaired houses handed over in the year
     * @param cost     what the houses handed over in the year cost, in đồng
     * @param underway houses approved or being built now, whatever the year asked
     */
    public record UnitHouses(String unitCode, String unitName, long built, long repaired, long cost, long underway) {

        UnitHouses plus(UnitHouses other, String code, String name) {
            return new UnitHouses(code, name, built + other.built, repaired + other.repaired, cost + other.cost,
                    underway + other.underway);
        }
    }
}
