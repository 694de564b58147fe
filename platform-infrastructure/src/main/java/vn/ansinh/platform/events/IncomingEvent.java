package vn.ansinh.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A consumed CloudEvent: its envelope from the Kafka headers and its raw JSON payload. */
public record IncomingEvent(String id, String type, String subject, long sequence, Instant time, byte[] payload) {

    public static IncomingEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        return from(headers::get, message.getPayload());
    }

    /** From any carrier of the envelope, e.g. a raw Kafka record's headers when a read model is rebuilt. */
    public static IncomingEvent from(Function<String, Object> headers, byte[] payload) {
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String subject = required(headers, CloudEventHeaders.SUBJECT);
        long sequence;
        Instant time;
        try {
            sequence = Long.parseLong(required(headers, CloudEventHeaders.SEQUENCE));
            time = EventTimes.parse(required(headers, CloudEventHeaders.TIME));
        } catch (RuntimeException e) {
            throw new InvalidEventException("Event " + id + " has an unreadable sequence or time", e);
        }
        return new IncomingEvent(id, type, subject, sequence, time, payload);
    }

    public <T> T payloadAs(JsonMapper jsonMapper, Class<T> type) {
        try {
            return READERS.computeIfAbsent(new ReaderKey(jsonMapper, type), IncomingEvent::readerOf).readValue(payload);
        } catch (JacksonException e) {
            throw new InvalidEventException("Event " + id + " of type " + this.type + " has an unreadable payload", e);
        }
    }

    /** A reader per mapper and payload type, made once: a rebuild reads hundreds of thousands of payloads a second. */
    private static final java.util.concurrent.ConcurrentMap<ReaderKey, tools.jackson.databind.ObjectReader> READERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record ReaderKey(JsonMapper mapper, Class<?> type) {
    }

    /**
     * Per service mapper, the same mapper reading payload instants fast: built once per mapper, so its
     * payload types share one deserializer cache rather than one mapper each.
     */
    private static final java.util.concurrent.ConcurrentMap<JsonMapper, JsonMapper> PAYLOAD_MAPPERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static tools.jackson.databind.ObjectReader readerOf(ReaderKey key) {
        JsonMapper payloads = PAYLOAD_MAPPERS.computeIfAbsent(key.mapper(),
                mapper -> mapper.rebuild().addModule(EventPayloadInstants.MODULE).build());
        // Consumers ignore fields they do not know: producers add fields within a version.
        return payloads.readerFor(key.type()).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static String required(Function<String, Object> headers, String name) {
        Object value = headers.apply(name);
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
        if (text == null || text.isBlank()) {
            throw new InvalidEventException("Event without header " + name);
        }
        return text;
    }
}
