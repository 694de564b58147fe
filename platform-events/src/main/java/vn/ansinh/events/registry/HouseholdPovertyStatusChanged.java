package vn.ansinh.events.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A household's poverty status changed (poor → near-poor → recently escaped...). Carries the
 * household's unit and categories too, so a consumer holds a complete picture after any event.
 * The officer's reason stays in the registry: it may describe the family.
 */
public record HouseholdPovertyStatusChanged(String householdId, String unitCode, List<String> categories,
                                            String previousStatus, String povertyStatus, LocalDate effectiveFrom) {
}
