package vn.ansinh.reporting.projection;

import java.util.List;

/**
 * Units' yearly statistics and targets as the registry published them: one document per unit and year
 * ({@code _id} unit:year). A figure not entered is null; targets are percentages kept as exact text.
 */
public final class UnitStatisticsView {

    public static final String COLLECTION = "unit_statistics_view";
    public static final String UNIT_CODE = "unitCode";
    public static final String YEAR = "year";
    public static final String TOTAL_HOUSEHOLDS = "totalHouseholds";
    public static final String ETHNIC_MINORITY_HOUSEHOLDS = "ethnicMinorityHouseholds";
    public static final String POOR_RATE_TARGET = "poorRateTarget";
    public static final String NEAR_POOR_RATE_TARGET = "nearPoorRateTarget";
    public static final String ETHNIC_MINORITY_POOR_RATE_TARGET = "ethnicMinorityPoorRateTarget";

    static final List<String> INDEXED = List.of(YEAR);

    private UnitStatisticsView() {
    }
}
