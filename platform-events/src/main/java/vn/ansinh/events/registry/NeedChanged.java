package vn.ansinh.events.registry;

import java.time.Instant;
import java.util.List;

/**
 * A reported need was submitted, verified, approved or rejected (the event type says which). Carries
 * no name, phone or note of the resident: counts and eligibility need only the unit, the kinds of
 * need and, once approved, the household it belongs to.
 *
 * @param kinds       e.g. FOOD, CASH, MEDICINE
 * @param householdId set once approved
 */
public record NeedChanged(String needId, String unitCode, List<String> kinds, String state, String householdId, Instant at) {
}
