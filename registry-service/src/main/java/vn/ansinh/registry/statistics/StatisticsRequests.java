package vn.ansinh.registry.statistics;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What an office sends to enter a unit's yearly statistics or set its targets. */
final class StatisticsRequests {

    private StatisticsRequests() {
    }

    /** {@code PUT /api/v1/admin-units/{code}/statistics/{year}}: the unit's households from the yearly statistics. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UnitStatisticsRequest")
    record Statistics(@NotNull @Min(1) @Max(UnitStatistics.MAX_HOUSEHOLDS) Long totalHouseholds,
                      @Min(0) @Max(UnitStatistics.MAX_HOUSEHOLDS) Long ethnicMinorityHouseholds) {
    }

    /** {@code PUT /api/v1/admin-units/{code}/targets/{year}}: rates to reach by the year's end, in percent. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "UnitTargetsRequest")
    record Targets(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal poorRatePercent,
                   @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal nearPoorRatePercent,
                   @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal ethnicMinorityPoorRatePercent) {
    }
}
