package vn.ansinh.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.MongoBulkWriteException;

import vn.ansinh.platform.events.OutboxEvent;

/**
 * The service's append-only audit trail: one record per change (who, when, what, the before and after
 * of each changed field) and per read of personal data. A change's record travels in the changed
 * document's outbox, written in the same document write as the change, and is moved here by the
 * outbox relay; a read is recorded here directly. Nothing here is ever updated or deleted, and none
 * of it is published.
 */
public class AuditTrail {

    /** The collection of the trail, in each service's own database. */
    public static final String COLLECTION = "audit";
    /** The outbox destination of audit records: this service's {@link #COLLECTION}, never a Kafka topic. */
    public static final String DESTINATION = "local.audit";
    /** The field of an outbox entry that holds the audit record itself. */
    public static final String OUTBOX_RECORD = "auditRecord";

    static final String AT = "at";
    static final String KIND = "kind";
    static final String ACTION = "action";
    static final String SUBJECT_TYPE = "subjectType";
    static final String SUBJECT_ID = "subjectId";
    static final String UNIT = "unitCode";
    static final String ACTOR = "actor";
    static final String ACTOR_NAME = "actorName";
    static final String ACTOR_OFFICE = "actorOffice";
    static final String CLIENT = "client";
    static final String CHANGES = "changes";
    static final String DETAIL = "detail";

    /** A change or a read of personal data. */
    public enum Kind { CHANGE, READ }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String service;

    public AuditTrail(MongoTemplate mongo, Clock clock, String service) {
        this.mongo = mongo;
        this.clock = clock;
        this.service = service;
    }

    /** The queries of the audit API: by unit, subject, actor, action and time, newest first. */
    public void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(UNIT, Sort.Direction.ASC).on(AT, Sort.Direction.DESC).named("unit_at"));
        indexes.createIndex(new Index().on(SUBJECT_ID, Sort.Direction.ASC).on(AT, Sort.Direction.DESC).named("subject_at"));
        indexes.createIndex(new Index().on(ACTOR, Sort.Direction.ASC).on(AT, Sort.Direction.DESC).named("actor_at"));
    }

    /**
     * The record of a change, for the changed document's outbox.
     *
     * @param actor who made it when the request has no signed-in caller (null: the request's caller)
     */
    public OutboxEvent changeRecord(String action, String subjectType, String subjectId, String unitCode,
                                    List<FieldChange> changes, String actor) {
        Instant at = clock.instant();
        String id = UUID.randomUUID().toString();
        Document record = record(id, at, Kind.CHANGE, action, subjectType, subjectId, unitCode, null,
                actor == null ? Actor.current(service) : new Actor(actor, null, null, null));
        List<Document> fields = new ArrayList<>();
        for (FieldChange change : changes) {
            fields.add(new Document("field", change.field()).append("before", change.before()).append("after", change.after()));
        }
        record.append(CHANGES, fields);
        return new OutboxEvent(id, DESTINATION, action, subjectId, 0, at, null, null, record);
    }

    /** A record as an entry of a document's {@code outbox} array, for a change written with a direct update. */
    public static Document asOutboxEntry(OutboxEvent record) {
        return new Document("eventId", record.eventId()).append("topic", record.topic()).append("type", record.type())
                .append("subject", record.subject()).append("sequence", record.sequence())
                .append("time", Date.from(record.time())).append(OUTBOX_RECORD, record.auditRecord());
    }

    /** The record to store: carried as a document, or (left in an outbox by an earlier version) as JSON. */
    static Document recordOf(OutboxEvent entry) {
        if (entry.auditRecord() != null) {
            return entry.auditRecord();
        }
        return Document.parse(entry.payload()).append("_id", entry.eventId());
    }

    /**
     * Records that the caller read personal data: a household's details, a list with citizen IDs or
     * phones, donor details, an export with names. {@code detail} says what (never the data itself).
     */
    public void read(String action, String subjectType, String subjectId, String unitCode, String detail) {
        mongo.insert(record(UUID.randomUUID().toString(), clock.instant(), Kind.READ, action, subjectType, subjectId,
                unitCode, detail, Actor.current(service)), COLLECTION);
    }

    /**
     * Stores records the outbox relay brought from documents' outboxes; a record stored already (a
     * re-send after a crash) is kept as it is. @return the ids that could not be stored
     */
    public Set<String> store(List<OutboxEvent> records) {
        if (records.isEmpty()) {
            return Set.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (OutboxEvent record : records) {
            bulk.insert(recordOf(record));
        }
        Set<String> failed = new HashSet<>();
        try {
            bulk.execute();
        } catch (org.springframework.data.mongodb.BulkOperationException partly) {
            partly.getErrors().stream().filter(error -> error.getCode() != 11000)
                    .forEach(error -> failed.add(records.get(error.getIndex()).eventId()));
        } catch (org.springframework.dao.DuplicateKeyException allThereAlready) {
            // every record was stored by an earlier send
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof MongoBulkWriteException duplicates)
                    || duplicates.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                records.forEach(record -> failed.add(record.eventId()));
            }
        }
        return failed;
    }

    private static Document record(String id, Instant at, Kind kind, String action, String subjectType, String subjectId,
                                   String unitCode, String detail, Actor actor) {
        Document record = new Document("_id", id).append(AT, Date.from(at)).append(KIND, kind.name()).append(ACTION, action)
                .append(SUBJECT_TYPE, subjectType).append(SUBJECT_ID, subjectId).append(UNIT, unitCode)
                .append(ACTOR, actor.id()).append(ACTOR_NAME, actor.name()).append(ACTOR_OFFICE, actor.office())
                .append(CLIENT, actor.client());
        if (detail != null) {
            record.append(DETAIL, detail);
        }
        return record;
    }

    /** One page of records matching the filter, newest first. */
    public List<Document> find(Criteria filter, long skip, int limit) {
        return mongo.find(Query.query(filter).with(Sort.by(Sort.Direction.DESC, AT)).skip(skip).limit(limit), Document.class,
                COLLECTION);
    }

    public long count(Criteria filter) {
        return mongo.count(Query.query(filter), COLLECTION);
    }
}
