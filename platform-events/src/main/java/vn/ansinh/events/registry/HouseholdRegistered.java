package vn.ansinh.events.registry;

import java.time.Instant;
import java.util.List;

/**
 * A household entered the registry. Carries no names, phones or citizen IDs: the consumers of
 * this topic (reporting, distribution's eligibility) need counts and categories, not identities.
 *
 * @param memberKinds each member's kinds (LOTTERY_SELLER, LOST_INCOME_WORKER...), in order, without who
 *                    they are: a campaign paying per person of a kind counts them; absent in older events
 */
public record HouseholdRegistered(String householdId, String unitCode, List<String> categories,
                                  String povertyStatus, int memberCount, Instant registeredAt, String hamlet,
                                  List<List<String>> memberKinds) {

    public HouseholdRegistered {
        memberKinds = memberKinds == null || memberKinds.isEmpty() ? List.of()
                : memberKinds.stream().map(kinds -> kinds == null ? List.<String>of() : List.copyOf(kinds)).toList();
    }

    /** A registration that does not say its members' kinds. */
    public HouseholdRegistered(String householdId, String unitCode, List<String> categories, String povertyStatus,
                               int memberCount, Instant registeredAt, String hamlet) {
        this(householdId, unitCode, categories, povertyStatus, memberCount, registeredAt, hamlet, null);
    }

    /** A registration whose hamlet (ấp, thôn, tổ dân phố) is not known. */
    public HouseholdRegistered(String householdId, String unitCode, List<String> categories, String povertyStatus,
                               int memberCount, Instant registeredAt) {
        this(householdId, unitCode, categories, povertyStatus, memberCount, registeredAt, null, null);
    }
}
