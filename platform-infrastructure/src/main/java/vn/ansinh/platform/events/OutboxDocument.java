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

    /**
     * An event the document raised about itself, not yet in its outbox (it goes there when the document
     * is stored). Its subject and sequence are the document's id and next version unless the event is
     * ordered with another aggregate's (then both are given).
     */
    public record Raised<P>(vn.ansinh.events.EventType<P> type, String subject, Long sequence, P payload) {
    }

    @Version
    private Long version;
    private List<OutboxEvent> outbox = new ArrayList<>();
    @org.springframework.data.annotation.Transient
    private transient List<Raised<?>> raised = new ArrayList<>();
    /** The document as last read or written, for the audit trail's before and after. */
    @org.springframework.data.annotation.Transient
    private transient org.bson.Document storedState;
    @org.springframework.data.annotation.Transient
    private transient String auditAction;
    @org.springframework.data.annotation.Transient
    private transient String auditActor;

    /**
     * Records a fact about this document as an event: the document itself says what happened to it
     * ({@code Campaign.approve} raises {@code campaign.approved}); {@link OutboxDocuments} puts it into the
     * outbox, with the document's id and next version, in the same write as the change.
     */
    protected <P> void raise(vn.ansinh.events.EventType<P> type, P payload) {
        raised().add(new Raised<>(type, null, null, payload));
    }

    /**
     * Records a fact about this document that is ordered with another aggregate's events: a delivery
     * is told under its campaign's id, so consumers see a campaign's deliveries in its partition.
     */
    protected <P> void raise(vn.ansinh.events.EventType<P> type, String subject, long sequence, P payload) {
        raised().add(new Raised<>(type, subject, sequence, payload));
    }

    private List<Raised<?>> raised() {
        if (raised == null) {
            raised = new ArrayList<>();
        }
        return raised;
    }

    /** The events raised since the document was last stored, handed over once. */
    List<Raised<?>> takeRaised() {
        List<Raised<?>> taken = raised == null ? List.of() : List.copyOf(raised);
        raised = new ArrayList<>();
        return taken;
    }

    /**
     * Names the change for the audit trail ("account.disabled"); without a name the trail uses the
     * event the change raised, or "created"/"changed".
     */
    protected void auditAs(String action) {
        this.auditAction = action;
    }

    /**
     * Names the change and who made it, where the request has no signed-in caller but the person is
     * known: someone choosing their password with their one-time code, a failed sign-in to an account.
     */
    protected void auditAs(String action, String actor) {
        this.auditAction = action;
        this.auditActor = actor;
    }

    /** Who made the pending change when the request cannot tell (see {@link #auditAs(String, String)}), once. */
    public String takeAuditActor() {
        String actor = auditActor;
        auditActor = null;
        return actor;
    }

    /** The audit trail's hold on this document: what it looked like when read or last written, and the change's name. */
    public org.bson.Document storedState() {
        return storedState;
    }

    public void stored(org.bson.Document state) {
        this.storedState = state;
    }

    /** The name given to the pending change, once: the next change names itself again. */
    public String takeAuditAction() {
        String action = auditAction;
        auditAction = null;
        return action;
    }

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
