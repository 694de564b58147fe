package vn.ansinh.reporting.figures;

import java.math.BigDecimal;

/**
 * The unit's poverty-rate targets for the year and how far the rates are from them, in percentage
 * points: positive when the rate is still above its target. A gap is null when its rate or target is.
 */
public record PovertyTargets(BigDecimal poorRatePercent, BigDecimal nearPoorRatePercent, BigDecimal ethnicMinorityPoorRatePercent,
                             BigDecimal poorRateGapPoints, BigDecimal nearPoorRateGapPoints,
                             BigDecimal ethnicMinorityPoorRateGapPoints) {

    /** @return null when no target is set for the unit that year */
    static PovertyTargets of(YearStatistics statistics, BigDecimal poorRate, BigDecimal nearPoorRate, BigDecimal ethnicMinorityPoorRate) {
        if (statistics.poorRateTarget() == null && statistics.nearPoorRateTarget() == null
                && statistics.ethnicMinorityPoorRateTarget() == null) {
            return null;
        }
        return new PovertyTargets(statistics.poorRateTarget(), statistics.nearPoorRateTarget(), statistics.ethnicMinorityPoorRateTarget(),
                gap(poorRate, statistics.poorRateTarget()), gap(nearPoorRate, statistics.nearPoorRateTarget()),
                gap(ethnicMinorityPoorRate, statistics.ethnicMinorityPoorRateTarget()));
    }

    private static BigDecimal gap(BigDecimal rate, BigDecimal target) {
        return rate == null || target == null ? null : rate.subtract(target).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
