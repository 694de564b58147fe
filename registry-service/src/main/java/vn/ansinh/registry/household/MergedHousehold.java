package vn.ansinh.registry.household;

import java.time.Instant;

/**
 * A household merged into this one as a duplicate. The merged household keeps its own history
 * (poverty status, addresses) under its id; this record is the way to it from the one kept.
 *
 * @param membersAdded     its members who had no counterpart here and were added
 * @param membersCompleted members matched with one here whose missing details (citizen ID, birth
 *                         date, gender, relation) were filled in from it
 */
record MergedHousehold(String householdId, String unitCode, Instant registeredAt, int membersAdded, int membersCompleted,
                       String mergedBy, Instant mergedAt) {
}
