package vn.ansinh.registry.dedup;

import java.util.Map;
import java.util.Set;

/** Which households carry which blocking key. */
interface BlockingIndex {

    /** The households filed under each of the keys (keys without households are left out). */
    Map<String, Set<String>> lookup(Set<String> keys);

    /**
     * Files households under keys. {@code lookedUp} are the keys just looked up and {@code known} what that
     * look-up returned: keys looked up and absent are created, known ones extended, and keys not looked up
     * (filed but not sought, see {@link BlockingKeys}) created or extended, whichever applies.
     *
     * @return keys looked up that someone else created between the look-up and this call (file under them,
     *         then look them up again)
     */
    Set<String> add(Map<String, Set<String>> householdsByKey, Map<String, Set<String>> known, Set<String> lookedUp);

    /** Removes a household from the keys it is filed under (after a merge it is no one's duplicate any more). */
    void remove(HouseholdProfile household);
}
