package vn.ansinh.registry.household;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/households/{id}/deactivate}. */
record DeactivateHouseholdRequest(
        @NotNull DeactivationReason reason,
        @NotNull LocalDate effectiveFrom,
        @Size(max = 500) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String note) {
}
