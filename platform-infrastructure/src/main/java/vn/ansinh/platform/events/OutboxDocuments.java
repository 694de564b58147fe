package vn.ansinh.platform.events;

import java.util.Collection;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.ansinh.platform.domain.Refusal;

/**
 * The one way to store a document with its outbox: write it (its state and its pending events in one
 * document write, guarded by its version), then hand the events to the {@link OutboxRelay}, which
 * sends them within milliseconds (or its sweep does after a crash). The collection and the id come from
 * the document's mapping, so no caller spells a collection name.
 */
public class OutboxDocuments {

    /** The code of the refusal when someone else saved the same document meanwhile: load it again and retry. */
    public static final String CHANGED_MEANWHILE = "changed-meanwhile";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventFactory events;

    public OutboxDocuments(MongoTemplate mongo, OutboxRelay relay, EventFactory events) {
        this.mongo = mongo;
        this.relay = relay;
        this.events = events;
    }

    /** Inserts a new document with its events; a duplicate id propagates as Spring's DuplicateKeyException. */
    public <T extends OutboxDocument> T insert(T document) {
        outboxRaised(document);
        T saved = mongo.insert(document);
        handOver(saved);
        return saved;
    }

    /**
     * Saves a changed document with its events.
     *
     * @throws Refusal {@value #CHANGED_MEANWHILE} (409) when another writer saved it since it was read
     */
    public <T extends OutboxDocument> T save(T document) {
        outboxRaised(document);
        T saved;
        try {
            saved = mongo.save(document);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw Refusal.conflict(CHANGED_MEANWHILE, idOf(document));
        }
        handOver(saved);
        return saved;
    }

    /**
     * Puts what new documents raised into their outboxes before a bulk write (a batch insert of an
     * import slice); after the write, {@link #handOverAll} hands them to the relay.
     */
    public void prepareAll(Collection<? extends OutboxDocument> documents) {
        documents.forEach(this::outboxRaised);
    }

    /** Hands over the events of documents written some other way (a bulk write, a conditional insert). */
    public void handOver(OutboxDocument document) {
        relay.saved(mongo.getCollectionName(document.getClass()), idOf(document), document.pendingEvents());
    }

    public void handOverAll(Collection<? extends OutboxDocument> documents) {
        documents.forEach(this::handOver);
    }

    /** What the document raised about itself goes into its outbox, carrying its id and the version it is about to get. */
    private void outboxRaised(OutboxDocument document) {
        for (OutboxDocument.Raised<?> raised : document.takeRaised()) {
            document.recordEvent(eventOf(raised, raised.subject() != null ? raised.subject() : String.valueOf(idOf(document)),
                    raised.sequence() != null ? raised.sequence() : document.nextVersion()));
        }
    }

    private <P> OutboxEvent eventOf(OutboxDocument.Raised<P> raised, String id, long version) {
        return events.create(raised.type(), id, version, raised.payload());
    }

    private Object idOf(OutboxDocument document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getIdentifier();
    }
}
