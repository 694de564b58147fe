package vn.ansinh.platform.audit;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** One record of the audit trail, as the audit API shows it. */
public record AuditEntry(String id, Instant at, String kind, String action, String subjectType, String subjectId,
                         String unitCode, String actor, String actorName, String actorOffice, String client,
                         List<FieldChange> changes, String detail) {

    static AuditEntry of(Document record) {
        Date at = record.getDate(AuditTrail.AT);
        List<FieldChange> changes = record.getList(AuditTrail.CHANGES, Document.class, List.of()).stream()
                .map(change -> new FieldChange(change.getString("field"), change.get("before"), change.get("after"))).toList();
        return new AuditEntry(record.getString("_id"), at == null ? null : at.toInstant(), record.getString(AuditTrail.KIND),
                record.getString(AuditTrail.ACTION), record.getString(AuditTrail.SUBJECT_TYPE),
                record.getString(AuditTrail.SUBJECT_ID), record.getString(AuditTrail.UNIT), record.getString(AuditTrail.ACTOR),
                record.getString(AuditTrail.ACTOR_NAME), record.getString(AuditTrail.ACTOR_OFFICE),
                record.getString(AuditTrail.CLIENT), changes, record.getString(AuditTrail.DETAIL));
    }
}
