package vn.ansinh.donation.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** {@code POST /api/v1/organisations}: the code people's accounts and the office's funds will name. */
record RegisterOrganisationRequest(
        @NotBlank @Pattern(regexp = UnitKeys.KEY) String officeUnitCode,
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String code,
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name) {
}
