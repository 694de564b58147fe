package vn.ansinh.registry.need;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.registry.household.RegisterHouseholdRequest;

/**
 * Body of verify, approve and reject. {@code reason} is required to reject. To approve, give either
 * the {@code householdId} of a household already registered or a {@code household} to register.
 */
record NeedDecisionRequest(
        @Size(max = 500) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason,
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$") String householdId,
        @Valid RegisterHouseholdRequest household) {
}
