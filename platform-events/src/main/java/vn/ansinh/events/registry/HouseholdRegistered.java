package vn.ansinh.events.registry;

import java.time.Instant;
import java.util.List;

/**
 * A household entered the registry. Carries no names, phones or citizen IDs: the consumers of
 * this topic (reporting, distribution's eligibility) need counts and categories, not identities.
 */
public record HouseholdRegistered(String householdId, String unitCode, List<String> categories,
                                  String povertyStatus, int memberCount, Instant registeredAt, String hamlet) {

    /** A registration whose hamlet (ấp, thôn, tổ dân phố) is not known. */
    public HouseholdRegistered(String householdId, String unitCode, List<String> categories, String povertyStatus,
                               int memberCount, Instant registeredAt) {
        this(householdId, unitCode, categories, povertyStatus, memberCount, registeredAt, null);
    }
}
