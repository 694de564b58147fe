package vn.ansinh.registry.household;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/households/{id}/poverty-status}: the new status, from when, and why (e.g. the review's decision number). */
record ChangePovertyStatusRequest(
        @NotNull PovertyStatus status,
        @NotNull LocalDate effectiveFrom,
        @NotBlank @Size(max = 500) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String reason) {
}
