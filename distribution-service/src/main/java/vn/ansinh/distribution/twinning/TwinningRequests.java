package vn.ansinh.distribution.twinning;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** What the twinning endpoints take. */
final class TwinningRequests {

    private TwinningRequests() {
    }

    /**
     * {@code POST /api/v1/twinnings}.
     *
     * @param agency   the agency twinned with the village, e.g. "Sở Tài chính tỉnh Gia Lai"
     * @param unitCode the commune the village belongs to, within the office's area
     * @param village  the village or hamlet as the commune names it, e.g. "Làng Ia Mơ Nông"
     * @param since    the day the twinning was agreed
     */
    record AgreeRequest(
            @NotBlank @Pattern(regexp = UnitKeys.KEY) String officeUnitCode,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode,
            @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String agency,
            @NotBlank @Pattern(regexp = UnitKeys.KEY) String unitCode,
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String village,
            @NotNull LocalDate since) {
    }

    /** {@code POST /api/v1/twinnings/{id}/contributions}: what the agency gave on a day. */
    record ContributionRequest(
            @NotNull Contribution.Kind kind,
            @NotNull LocalDate on,
            @Positive @Max(10_000_000) Long quantity,
            @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long value,
            @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String description) {
    }

    /** {@code POST /api/v1/twinnings/{id}/end}. */
    record EndTwinningRequest(@NotNull LocalDate on, @NotBlank @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }
}
