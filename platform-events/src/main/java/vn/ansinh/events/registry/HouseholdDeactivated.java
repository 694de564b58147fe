package vn.ansinh.events.registry;

import java.time.LocalDate;

/**
 * A household left the registry's active lists: moved away out of the platform's area, or its
 * only member died. It is kept for history and no longer counted or made eligible.
 *
 * @param reason MOVED_AWAY or DECEASED
 */
public record HouseholdDeactivated(String householdId, String unitCode, String reason, LocalDate effectiveFrom) {
}
