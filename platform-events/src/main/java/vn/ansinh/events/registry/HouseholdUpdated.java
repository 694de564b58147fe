package vn.ansinh.events.registry;

import java.util.List;

/** A household's details changed (members, categories...). Like the other household events, no names or IDs. */
public record HouseholdUpdated(String householdId, String unitCode, List<String> categories, String povertyStatus,
                               int memberCount) {
}
