package vn.ansinh.reporting.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Counts this instance's writes to each read model, so the dashboard stream knows which figures need
 * computing again: a flood of donations must not make it add up the households again.
 */
@Component
public class DashboardUpdates {

    private final Map<String, AtomicLong> byCollection = new ConcurrentHashMap<>();
    private final AtomicLong all = new AtomicLong();

    public void changed(String collection) {
        byCollection.computeIfAbsent(collection, c -> new AtomicLong()).incrementAndGet();
        all.incrementAndGet();
    }

    /** Every read model changed at once, as after a rebuild. */
    public void changedAll() {
        ReadModels.ALL.forEach(this::changed);
    }

    /** Grows with every write to the collection. */
    public long version(String collection) {
        AtomicLong version = byCollection.get(collection);
        return version == null ? 0 : version.get();
    }

    /** Grows with every write to any read model. */
    public long changes() {
        return all.get();
    }
}
