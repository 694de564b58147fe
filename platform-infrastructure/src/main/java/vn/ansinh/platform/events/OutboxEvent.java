package vn.ansinh.platform.events;

import java.time.Instant;

/**
 * An event waiting inside its aggregate's document until the relay has sent it. It is written in
 * the same single-document write as the state change it describes, so neither exists without the
 * other, without multi-document transactions.
 *
 * @param eventId  CloudEvents id (UUID), stable across re-sends so consumers can dedupe
 * @param topic    destination topic
 * @param type     CloudEvents type, e.g. {@code vn.ansinh.registry.household.registered.v1}
 * @param subject  aggregate id; also the Kafka key, so one aggregate's events stay in order
 * @param sequence aggregate version this event produced
 * @param time     when the change happened
 * @param payload  JSON payload (null for an audit record, which travels as {@code auditRecord})
 * @param traceparent the W3C trace context of the request (or event) that caused it, or null: sent as the
 *                    CloudEvents {@code traceparent} extension, so consumers continue the same trace
 * @param auditRecord for a change's audit record (topic {@code local.audit}): the record itself, as it goes into
 *                    the service's audit collection. It stays a document all the way, so the change's request
 *                    does not write it as JSON and the relay does not parse it back (both were measured under
 *                    load). Records left in outboxes by earlier versions carry it as JSON in {@code payload}.
 */
public record OutboxEvent(String eventId, String topic, String type, String subject, long sequence, Instant time,
                          String payload, String traceparent, org.bson.Document auditRecord) {

    public OutboxEvent(String eventId, String topic, String type, String subject, long sequence, Instant time, String payload) {
        this(eventId, topic, type, subject, sequence, time, payload, null, null);
    }

    public OutboxEvent(String eventId, String topic, String type, String subject, long sequence, Instant time, String payload,
                       String traceparent) {
        this(eventId, topic, type, subject, sequence, time, payload, traceparent, null);
    }
}
