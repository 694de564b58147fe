package vn.ansinh.reporting.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Figures of one unit and everything below it (old units merged into it included).
 *
 * @param povertyRatePercent    poor and near-poor households over all households of the unit from the yearly statistics, in
 *                              percent; null when the statistics are missing (as are the other rates)
 * @param year                  the year of the poverty figures: the households' statuses at its end (or today, this year)
 * @param totalHouseholds       all households of the unit that year, from the statistics
 * @param ethnicMinorityPoorHouseholds poor households with the ETHNIC_MINORITY category
 * @param feedbackByKindAndState residents' feedback by kind, then by state
 * @param feedbackOverdue       feedback past its deadline without an answer
 * @param needsOpen             needs residents reported that are not decided yet
 * @param cashReceived          whole VND received by funds of offices in the area
 * @param approvedHouseholds    households on approved lists of campaigns whose money and goods were reserved
 * @param deliveredHouseholds   households that received their aid (reverted deliveries not counted)
 * @param coveragePercent       delivered over approved, in percent (0 when nothing was approved)
 */
public record UnitFigures(String unitCode, String unitName, String level, long households, long poorHouseholds,
                          long nearPoorHouseholds, BigDecimal povertyRatePercent, Map<String, Long> householdsByCategory,
                          Map<String, Long> householdsByPovertyStatus, long needsOpen, long needsApproved,
                          long cashReceived, long cashDonations, long inKindDonations, long inKindValue,
                          List<GoodsLine> inKindReceived, long approvedHouseholds, long deliveredHouseholds,
                          double coveragePercent, long cashDelivered, List<GoodsLine> goodsDelivered,
                          int year, Long totalHouseholds, Long ethnicMinorityHouseholds, boolean statisticsMissing,
                          BigDecimal poorRatePercent, BigDecimal nearPoorRatePercent, long ethnicMinorityPoorHouseholds,
                          BigDecimal ethnicMinorityPoorRatePercent, long recentlyEscapedHouseholds, PovertyTargets targets,
                          Map<String, Map<String, Long>> feedbackByKindAndState, long feedbackOpen, long feedbackOverdue) {
}
