package vn.ansinh.platform.events;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes a read-model document only if the event is newer than what is stored. A redelivered,
 * replayed or out-of-order older event changes nothing, which makes redelivery and replay harmless.
 *
 * <p>Every statement filters on {@code _id} alone, so it is an index lookup on MongoDB and on the
 * embedded wire server (which uses an index only when the filter is exactly the indexed keys). The
 * read-compare-write is safe because one aggregate's events share a Kafka key, hence a partition,
 * hence one consumer thread at a time; an insert race (a rebalance handing the partition over
 * mid-event) is caught by the unique {@code _id} and re-checked.
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
        boolean applied = write(collection, event, fields, true);
        Counter.builder("ansinh.events.consumed").tag("type", event.type())
                .tag("outcome", applied ? "applied" : "ignored").register(meters).increment();
        return applied;
    }

    private boolean write(String collection, IncomingEvent event, Document fields, boolean mayRetry) {
        Query byId = Query.query(Criteria.where("_id").is(event.subject()));
        byId.fields().include(VERSION_FIELD);
        Document stored = mongo.findOne(byId, Document.class, collection);
        if (stored != null && ((Number) stored.get(VERSION_FIELD)).longValue() >= event.sequence()) {
            return false;
        }
        if (stored == null) {
            Document document = new Document(fields).append("_id", event.subject()).append(VERSION_FIELD, event.sequence());
            try {
                mongo.insert(document, collection);
                return true;
            } catch (DuplicateKeyException insertedMeanwhile) {
                return mayRetry && write(collection, event, fields, false);
            }
        }
        Update update = new Update();
        fields.forEach(update::set);
        update.set(VERSION_FIELD, event.sequence());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(event.subject())), update, collection);
        return true;
    }
}
