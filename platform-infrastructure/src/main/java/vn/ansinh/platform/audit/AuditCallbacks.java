package vn.ansinh.platform.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

import vn.ansinh.platform.events.OutboxDocument;
import vn.ansinh.platform.events.OutboxEvent;

/**
 * Puts the audit record of every change of an {@link Audited} document into the document's own outbox
 * as it is written: the same document write stores the change and its record, so no change can exist
 * without its record. The before is the document as it was read (or nothing, for a new one); the
 * after is what is being written; the record lists the fields that differ.
 */
public class AuditCallbacks implements AfterConvertCallback<OutboxDocument>, BeforeSaveCallback<OutboxDocument>,
        AfterSaveCallback<OutboxDocument>, Ordered {

    /** Bookkeeping fields, never part of a change. */
    private static final Set<String> NOT_CHANGES = Set.of("_id", "_class", "version", "outbox");
    private static final String SECRET = "***";
    private static final String OUTBOX = "outbox";

    /** Looked up when first needed: the trail writes through the MongoTemplate whose converter calls back here. */
    private final java.util.function.Supplier<AuditTrail> trail;

    public AuditCallbacks(java.util.function.Supplier<AuditTrail> trail) {
        this.trail = trail;
    }

    @Override
    public OutboxDocument onAfterConvert(OutboxDocument entity, Document document, String collection) {
        if (entity instanceof Audited) {
            entity.stored(document);
        }
        return entity;
    }

    @Override
    public OutboxDocument onBeforeSave(OutboxDocument entity, Document document, String collection) {
        if (!(entity instanceof Audited audited)) {
            return entity;
        }
        Document before = entity.storedState();
        List<FieldChange> changes = changes(before, document, audited.auditSecretFields(), audited.auditDerivedFields());
        String action = entity.takeAuditAction();
        String actor = entity.takeAuditActor();
        if (changes.isEmpty() && action == null) {
            return entity;
        }
        OutboxEvent record = trail.get().changeRecord(action != null ? action : actionOf(entity, before == null, collection),
                audited.auditType(), String.valueOf(document.get("_id")), audited.auditUnit(), changes, actor);
        entity.recordEvent(record);
        List<Object> outbox = new ArrayList<>(document.getList(OUTBOX, Object.class, List.of()));
        outbox.add(AuditTrail.asOutboxEntry(record));
        document.put(OUTBOX, outbox);
        return entity;
    }

    @Override
    public OutboxDocument onAfterSave(OutboxDocument entity, Document document, String collection) {
        if (entity instanceof Audited) {
            entity.stored(document);
        }
        return entity;
    }

    /** Before the platform's other callbacks: the record joins the outbox before anything else reads it. */
    @Override
    public int getOrder() {
        return 0;
    }

    static List<FieldChange> changes(Document before, Document after, Set<String> secrets, Set<String> derived) {
        Set<String> fields = new LinkedHashSet<>(after.keySet());
        if (before != null) {
            fields.addAll(before.keySet());
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (NOT_CHANGES.contains(field) || derived.contains(field)) {
                continue;
            }
            Object was = before == null ? null : before.get(field);
            Object is = after.get(field);
            if (!Objects.equals(was, is)) {
                boolean secret = secrets.contains(field);
                changes.add(new FieldChange(field, secret && was != null ? SECRET : was, secret && is != null ? SECRET : is));
            }
        }
        return changes;
    }

    /** A change without a name is named after the event it raised, else "created" or "changed". */
    private static String actionOf(OutboxDocument entity, boolean created, String collection) {
        List<OutboxEvent> pending = entity.pendingEvents();
        for (int i = pending.size() - 1; i >= 0; i--) {
            OutboxEvent event = pending.get(i);
            if (!AuditTrail.DESTINATION.equals(event.topic())) {
                return shortName(event.type());
            }
        }
        return collection + (created ? ".created" : ".changed");
    }

    /** "vn.ansinh.registry.household.registered.v1" → "household.registered". */
    static String shortName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 5 ? parts[parts.length - 3] + "." + parts[parts.length - 2] : type;
    }
}
