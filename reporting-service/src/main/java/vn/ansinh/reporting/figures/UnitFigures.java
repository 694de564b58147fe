package vn.ansinh.reporting.figures;

import java.util.List;
import java.util.Map;

/**
 * Figures of one unit and everything below it (old units merged into it included).
 *
 * @param povertyRatePercent    poor and near-poor households over all active households, in percent
 * @param needsOpen             needs residents reported that are not decided yet
 * @param cashReceived          whole VND received by funds of offices in the area
 * @param approvedHouseholds    households on approved lists of campaigns whose money and goods were reserved
 * @param deliveredHouseholds   households that received their aid (reverted deliveries not counted)
 * @param coveragePercent       delivered over approved, in percent (0 when nothing was approved)
 */
public record UnitFigures(String unitCode, String unitName, String level, long households, long poorHouseholds,
                          long nearPoorHouseholds, double povertyRatePercent, Map<String, Long> householdsByCategory,
                          Map<String, Long> householdsByPovertyStatus, long needsOpen, long needsApproved,
                          long cashReceived, long cashDonations, long inKindDonations, long inKindValue,
                          List<GoodsLine> inKindReceived, long approvedHouseholds, long deliveredHouseholds,
                          double coveragePercent, long cashDelivered, List<GoodsLine> goodsDelivered) {
}
