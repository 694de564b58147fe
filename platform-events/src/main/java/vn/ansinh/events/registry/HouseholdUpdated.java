package vn.ansinh.events.registry;

import java.util.List;

/** A household's details changed (members, categories...). Like the other household events, no names or IDs. */
public record HouseholdUpdated(String householdId, String unitCode, List<String> categories, String povertyStatus,
                               int memberCount, String hamlet, List<List<String>> memberKinds) {

    /** @param memberKinds each member's kinds, in order, as on {@link HouseholdRegistered} */
    public HouseholdUpdated {
        memberKinds = memberKinds == null ? List.of()
                : memberKinds.stream().map(kinds -> kinds == null ? List.<String>of() : List.copyOf(kinds)).toList();
    }

    /** An update that does not say its members' kinds. */
    public HouseholdUpdated(String householdId, String unitCode, List<String> categories, String povertyStatus,
                            int memberCount, String hamlet) {
        this(householdId, unitCode, categories, povertyStatus, memberCount, hamlet, null);
    }

    /** An update that does not say the hamlet. */
    public HouseholdUpdated(String householdId, String unitCode, List<String> categories, String povertyStatus,
                            int memberCount) {
        this(householdId, unitCode, categories, povertyStatus, memberCount, null, null);
    }
}
