package vn.ansinh.registry.dedup;

import java.util.Map;
import java.util.Set;

/** Which households carry which blocking key. */
interface BlockingIndex {

    /** The households filed under each of the keys (keys without households are left out). */
    Map<String, Set<String>> lookup(Set<String> keys);

    /**
     * Files households under keys. {@code known} is what a look-up just returned for these keys: keys
     * absent from it are created, the others extended.
     *
     * @return keys that someone else created between the look-up and this call (file under them, then look them up again)
     */
    Set<String> add(Map<String, Set<String>> householdsByKey, Map<String, Set<String>> known);

    /** Removes a household from its keys (after a merge it is no one's duplicate any more). */
    void remove(HouseholdProfile household);
}
