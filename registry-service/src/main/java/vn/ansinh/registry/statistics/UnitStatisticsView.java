package vn.ansinh.registry.statistics;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit's statistics and targets for a year as the API shows them; {@code missing} when nothing has
 * been entered for it (its figures are then null, never 0).
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record UnitStatisticsView(String unitCode, String unitName, int year, boolean missing, Long totalHouseholds,
                                 Long ethnicMinorityHouseholds, BigDecimal poorRateTargetPercent,
                                 BigDecimal nearPoorRateTargetPercent, BigDecimal ethnicMinorityPoorRateTargetPercent,
                                 String statisticsEnteredBy, Instant statisticsEnteredAt, String targetsSetBy, Instant targetsSetAt) {

    static UnitStatisticsView of(UnitStatistics statistics, String unitName) {
        return new UnitStatisticsView(statistics.getUnitCode(), unitName, statistics.getYear(), statistics.getTotalHouseholds() == null,
                statistics.getTotalHouseholds(), statistics.getEthnicMinorityHouseholds(), statistics.getPoorRateTarget(),
                statistics.getNearPoorRateTarget(), statistics.getEthnicMinorityPoorRateTarget(), statistics.getStatisticsEnteredBy(),
                statistics.getStatisticsEnteredAt(), statistics.getTargetsSetBy(), statistics.getTargetsSetAt());
    }

    static UnitStatisticsView missing(String unitCode, String unitName, int year) {
        return new UnitStatisticsView(unitCode, unitName, year, true, null, null, null, null, null, null, null, null, null);
    }
}
