package vn.ansinh.platform.audit;

import java.util.Set;

/**
 * A document whose every change is recorded in the service's audit trail, in the same document write
 * as the change: who, when, what and the before and after of each changed field
 * ({@link AuditCallbacks}). Implemented by {@link vn.ansinh.platform.events.OutboxDocument}s, whose
 * outbox carries the record to the {@code audit} collection.
 */
public interface Audited {

    /** The kind of thing, as audit queries name it ("household", "campaign", "account"). */
    String auditType();

    /** The administrative unit the thing belongs to: who may read its audit records. */
    String auditUnit();

    /** Fields whose values never enter the trail (a password hash): a change is recorded as "changed", without them. */
    default Set<String> auditSecretFields() {
        return Set.of();
    }

    /** Fields computed from others (search keys): never a change of their own, so left out of the trail. */
    default Set<String> auditDerivedFields() {
        return Set.of();
    }
}
