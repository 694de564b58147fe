package vn.ansinh.donation.fund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** {@code POST /api/v1/funds}. */
record OpenFundRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name,
        @NotBlank @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String officeUnitCode,
        @Size(max = 1000) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String purpose) {
}
