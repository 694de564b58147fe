package vn.ansinh.registry.dedup;

import java.time.Instant;

/**
 * What deciding a duplicate case needs of the households it is about. The household package provides
 * it: households depend on duplicate detection (every registration asks it), never the other way, so
 * the two packages do not form a cycle.
 */
public interface DuplicateHouseholds {

    /** One household of a case, as far as a merge needs it. */
    record Side(String id, Instant registeredAt, String mergedInto) {
    }

    /** The household, if it lies in the caller's area (otherwise refused as absent). */
    Side side(String householdId);

    /** Ends {@code householdId} as a duplicate of {@code keptId}, which takes in its people, with their events. */
    void merge(String householdId, String keptId);
}
