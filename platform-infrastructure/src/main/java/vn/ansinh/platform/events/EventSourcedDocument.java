package vn.ansinh.platform.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Version;

/**
 * Technical base of a stored aggregate that publishes events: its optimistic-lock version (which
 * is also the sequence its events carry) and the outbox of events not yet sent. Saving the
 * document saves the state change and its events in one write.
 */
public abstract class EventSourcedDocument {

    @Version
    private Long version;
    private List<OutboxEvent> outbox = new ArrayList<>();

    /** The version this aggregate will have once the pending change is saved; its events carry it. */
    public long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    public void recordEvent(OutboxEvent event) {
        outbox.add(event);
    }

    /** Events saved with this document and not yet removed by the relay. */
    public List<OutboxEvent> pendingEvents() {
        return List.copyOf(outbox);
    }

    public Long getVersion() {
        return version;
    }
}
