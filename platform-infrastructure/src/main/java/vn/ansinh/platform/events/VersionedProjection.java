package vn.ansinh.platform.events;

import org.bson.Document;

import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes a read-model document only if the event is newer than what is stored:
 * {@code update({_id: id, version: {$lt: v}}, {$set: ...}, upsert)}. When a newer or equal version
 * is stored, the filter matches nothing and the upsert's insert collides on {@code _id}: the event
 * is stale or a redelivery and changes nothing. This makes redelivery and replay harmless.
 */
public class VersionedProjection {

    public static final String VERSION_FIELD = "version";

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    public VersionedProjection(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** @return true if the document was written, false if the event was stale or a duplicate */
    public boolean apply(String collection, IncomingEvent event, Document fields) {
        Query newerThanStored = Query.query(Criteria.where("_id").is(event.subject())
                .and(VERSION_FIELD).lt(event.sequence()));
        Update update = new Update();
        fields.forEach(update::set);
        update.set(VERSION_FIELD, event.sequence());
        boolean applied;
        try {
            UpdateResult result = mongo.upsert(newerThanStored, update, collection);
            applied = result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException staleOrDuplicate) {
            applied = false;
        }
        Counter.builder("ansinh.events.consumed").tag("type", event.type())
                .tag("outcome", applied ? "applied" : "ignored").register(meters).increment();
        return applied;
    }
}
