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
 * @param payload  JSON payload
 * @param traceparent the W3C trace context of the request (or event) that caused it, or null: sent as the
 *                    CloudEvents {@code traceparent} extension, so consumers continue the same trace
 */
public record OutboxEvent(String eventId, String topic, String type, String subject, long sequence, Instant time,
                          String payload, String traceparent) {

    public OutboxEvent(String eventId, String topic, String type, String subject, long sequence, Instant time, String payload) {
        this(eventId, topic, type, subject, sequence, time, payload, null);
    }
}
