package vn.ansinh.platform.events;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Version;

/**
 * A stored document with an outbox — not event sourcing: the document holds its current state, and
 * the events that tell others about its last changes wait in its {@code outbox} array until the relay
 * has sent them. Saving the document saves the change and its events in one write; its optimistic-lock
 * version is also the sequence its events carry. Store it through {@link OutboxDocuments}.
 */
public abstract class OutboxDocument {

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
