package vn.ansinh.registry.dedup;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The block-mates' profiles read lately, so that an import does not read and work out the same
 * households again for every slice: the households of a common name's blocks are the block-mates of
 * household after household (at 300,000 households, reading and working out block-mates' profiles was
 * 44 % of the registry's time in an import, and most of the database's). A profile is kept for a short
 * while ({@code for}) and the least recently used go first beyond {@code capacity}; a household changed
 * on this instance is forgotten at once, one changed on another instance is seen when its profile
 * expires — meanwhile a registration is compared with what the household was a moment ago, which can
 * only open a case an officer then decides on the household as it is.
 */
final class RecentProfiles {

    private record Held(HouseholdProfile profile, long readAt) {
    }

    private final int capacity;
    private final long keepNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Held> held;

    RecentProfiles(int capacity, Duration keep, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.keepNanos = keep.toNanos();
        this.nanoTime = nanoTime;
        this.held = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
                return size() > RecentProfiles.this.capacity;
            }
        };
    }

    /** The profiles of {@code ids} read lately enough; the others are to be read. */
    synchronized Map<String, HouseholdProfile> known(Collection<String> ids) {
        long now = nanoTime.getAsLong();
        Map<String, HouseholdProfile> known = new HashMap<>();
        for (String id : ids) {
            Held one = held.get(id);
            if (one == null) {
                continue;
            }
            if (now - one.readAt() > keepNanos) {
                held.remove(id);
            } else {
                known.put(id, one.profile());
            }
        }
        return known;
    }

    synchronized void remember(Map<String, HouseholdProfile> read) {
        if (capacity == 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        read.forEach((id, profile) -> held.put(id, new Held(profile, now)));
    }

    synchronized void forget(String householdId) {
        held.remove(householdId);
    }
}
