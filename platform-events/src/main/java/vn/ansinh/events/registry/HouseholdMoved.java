package vn.ansinh.events.registry;

import java.time.LocalDate;
import java.util.List;

/** A household moved to another unit; it now belongs to that unit's area. */
public record HouseholdMoved(String householdId, String fromUnitCode, String unitCode, List<String> categories,
                             String povertyStatus, LocalDate effectiveFrom, String hamlet) {

    /** A move whose new hamlet is not known. */
    public HouseholdMoved(String householdId, String fromUnitCode, String unitCode, List<String> categories,
                          String povertyStatus, LocalDate effectiveFrom) {
        this(householdId, fromUnitCode, unitCode, categories, povertyStatus, effectiveFrom, null);
    }
}
