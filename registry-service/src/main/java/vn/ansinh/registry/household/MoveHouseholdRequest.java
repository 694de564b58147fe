package vn.ansinh.registry.household;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** {@code POST /api/v1/households/{id}/move}: the new address, from when, and why. */
record MoveHouseholdRequest(
        @NotBlank @Pattern(regexp = UnitKeys.KEY) String unitCode,
        @Size(max = 100) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String hamlet,
        @Size(max = 200) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String street,
        @NotNull LocalDate effectiveFrom,
        @NotBlank @Size(max = 500) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String reason) {
}
