package vn.ansinh.distribution.housing;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** What the house endpoints take. */
final class HouseRequests {

    private HouseRequests() {
    }

    /**
     * {@code POST /api/v1/houses}: the office approves a house for a household of its area.
     *
     * @param programme     the programme it is built under, e.g. "Nhà Đại đoàn kết"
     * @param fundedBy      who pays for it: the fund, an agency twinned with the village, a bank, a company
     * @param twinningId    the twinning (kết nghĩa) it is built under: it counts in the twinning's report
     * @param estimatedCost VND the office expects it to cost
     * @param approvedOn    the day of the decision (left out: today)
     */
    record ApproveRequest(
            @NotBlank @Pattern(regexp = UnitKeys.KEY) String officeUnitCode,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String householdId,
            @NotNull House.Kind kind,
            @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String programme,
            @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String fundedBy,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String twinningId,
            @NotNull @PositiveOrZero @Max(100_000_000_000L) Long estimatedCost,
            LocalDate approvedOn) {
    }

    /** {@code POST /api/v1/houses/{id}/start}: building began on this day. */
    record StartRequest(@NotNull LocalDate on) {
    }

    /** {@code POST /api/v1/houses/{id}/hand-over}: the family moved in on this day; what the house cost in the end. */
    record HandOverRequest(@NotNull LocalDate on, @NotNull @Positive @Max(100_000_000_000L) Long cost) {
    }

    /** {@code POST /api/v1/houses/{id}/cancel}: why it will not be built. */
    record CancelRequest(@NotBlank @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }
}
