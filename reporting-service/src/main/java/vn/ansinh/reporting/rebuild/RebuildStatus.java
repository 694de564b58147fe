package vn.ansinh.reporting.rebuild;

import java.time.Instant;

/**
 * Where a rebuild is.
 *
 * @param state         IDLE, READING, WRITING, DONE or FAILED
 * @param eventsTotal   events on the topics when the rebuild started (what it replays)
 * @param eventsRead    events replayed so far
 * @param eventsSkipped unreadable events (the live consumers sent them to a dead-letter topic)
 * @param documents     read-model documents written
 * @param replaySeconds time spent reading and projecting the events
 * @param writeSeconds  time spent writing the read models at the end
 */
public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long eventsTotal, long eventsRead,
                            long eventsSkipped, long documents, double percent, long eventsPerSecond, double replaySeconds,
                            double writeSeconds, String error) {

    public static final RebuildStatus IDLE = new RebuildStatus("IDLE", null, null, 0, 0, 0, 0, 0, 0, 0, 0, null);

    public boolean running() {
        return "READING".equals(state) || "WRITING".equals(state);
    }
}
