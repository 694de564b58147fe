package vn.ansinh.donation.fund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/**
 * {@code POST /api/v1/funds}.
 *
 * @param organisationCode the office's organisation the fund belongs to (left out: the office's own;
 *                         a person who acts for an organisation always opens it for that organisation)
 */
record OpenFundRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name,
        @NotBlank @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String officeUnitCode,
        @Size(max = 1000) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String purpose,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode) {
}
