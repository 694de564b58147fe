package vn.ansinh.reporting.projection;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Counts read-model changes, so the dashboard stream knows when figures need sending again. */
@Component
public class DashboardUpdates {

    private final AtomicLong changes = new AtomicLong();

    public void changed() {
        changes.incrementAndGet();
    }

    public long changes() {
        return changes.get();
    }
}
