package vn.ansinh.reporting.figures;

import java.math.BigDecimal;

/**
 * A unit's figures for a year from the yearly statistics, as reports divide by them, and its targets.
 * A null count was not entered (for the unit, nor for every unit below it); a null target was not set.
 */
public record YearStatistics(Long totalHouseholds, Long ethnicMinorityHouseholds, BigDecimal poorRateTarget,
                             BigDecimal nearPoorRateTarget, BigDecimal ethnicMinorityPoorRateTarget) {

    public static final YearStatistics MISSING = new YearStatistics(null, null, null, null, null);

    boolean missing() {
        return totalHouseholds == null;
    }
}
