package vn.ansinh.registry.dedup;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Which households carry which blocking key. */
public interface BlockingIndex {

    /** Files each household under its keys. */
    void add(Collection<HouseholdProfile> households);

    /** The households filed under each of the keys (keys without households may be left out). */
    Map<String, Set<String>> lookup(Set<String> keys);

    /** Removes a household from its keys (after a merge it is no one's duplicate any more). */
    void remove(HouseholdProfile household);
}
