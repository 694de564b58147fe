package vn.ansinh.registry.household;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.text.PersonName;

/**
 * {@code PATCH /api/v1/households/{id}}: only the fields sent change. The unit changes through a move
 * and the poverty status through its own endpoint, both with a date and a reason.
 */
record UpdateHouseholdRequest(
        @Size(min = 1, max = 150) @PersonName String headName,
        @Size(min = 1, max = 50) List<RegisterHouseholdRequest.@Valid @NotNull MemberInput> members,
        @Pattern(regexp = "^(\\+84|84|0)(3|5|7|8|9)[0-9]{8}$") String phone,
        @Size(max = 14) List<@NotNull Category> categories,
        @Size(max = 100) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String hamlet,
        @Size(max = 200) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String street) {
}
