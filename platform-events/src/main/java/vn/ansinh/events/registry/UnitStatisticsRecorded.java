package vn.ansinh.events.registry;

import java.math.BigDecimal;

/**
 * A unit's figures for a year as its office entered them: the households of the whole unit from the
 * yearly statistics (not only those on the registry) and the poverty-rate targets set for it. Each event
 * carries the whole state, so the latest one per unit and year (the record key) is all a reader needs;
 * a null figure has not been entered.
 *
 * @param totalHouseholds          all households of the unit that year
 * @param ethnicMinorityHouseholds of them, ethnic-minority households
 * @param poorRateTarget           the poor-household rate to reach by the year's end, in percent
 * @param nearPoorRateTarget       the near-poor rate to reach, in percent
 * @param ethnicMinorityPoorRateTarget the poor rate among ethnic-minority households to reach, in percent
 */
public record UnitStatisticsRecorded(String unitCode, int year, Long totalHouseholds, Long ethnicMinorityHouseholds,
                                     BigDecimal poorRateTarget, BigDecimal nearPoorRateTarget,
                                     BigDecimal ethnicMinorityPoorRateTarget) {
}
