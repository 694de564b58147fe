package vn.ansinh.events.registry;

import java.util.List;

/** A household's details changed (members, categories...). Like the other household events, no names or IDs. */
public record HouseholdUpdated(String householdId, String unitCode, List<String> categories, String povertyStatus,
                               int memberCount, String hamlet) {

    /** An update that does not say the hamlet. */
    public HouseholdUpdated(String householdId, String unitCode, List<String> categories, String povertyStatus,
                            int memberCount) {
        this(householdId, unitCode, categories, povertyStatus, memberCount, null);
    }
}
