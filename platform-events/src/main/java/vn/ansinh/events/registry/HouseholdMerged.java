package vn.ansinh.events.registry;

/**
 * A household turned out to be a duplicate of another and was merged into it: it leaves the active
 * lists, and every reference to it (entitlements, deliveries, read models) should now point to
 * {@code mergedInto}. Published under the merged household's key.
 */
public record HouseholdMerged(String householdId, String unitCode, String mergedInto, String mergedIntoUnitCode) {
}
