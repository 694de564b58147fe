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

    public OutboxDocuments(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Inserts a new document with its events; a duplicate id propagates as Spring's DuplicateKeyException. */
    public <T extends OutboxDocument> T insert(T document) {
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
        T saved;
        try {
            saved = mongo.save(document);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw Refusal.conflict(CHANGED_MEANWHILE, idOf(document));
        }
        handOver(saved);
        return saved;
    }

    /** Hands over the events of documents written some other way (a bulk write, a conditional insert). */
    public void handOver(OutboxDocument document) {
        relay.saved(mongo.getCollectionName(document.getClass()), idOf(document), document.pendingEvents());
    }

    public void handOverAll(Collection<? extends OutboxDocument> documents) {
        documents.forEach(this::handOver);
    }

    private Object idOf(OutboxDocument document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getIdentifier();
    }
}
