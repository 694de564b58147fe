package vn.ansinh.reporting.summary;

import java.time.Instant;
import java.util.Map;

/**
 * Figures for one unit and everything below it.
 *
 * @param povertyRatePercent poor and near-poor households over all registered households, in percent
 * @param cashReceived       whole VND received by funds of offices in the area
 */
public record UnitSummary(String unitCode, String unitName, long households, Map<String, Long> householdsByCategory,
                          Map<String, Long> householdsByPovertyStatus, long poorHouseholds, long nearPoorHouseholds,
                          double povertyRatePercent, long cashReceived, long cashDonations, Instant asOf) {
}
