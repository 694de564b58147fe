package vn.ansinh.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.platform.deadletter.DeadLetters;
import vn.ansinh.platform.events.EventTracing;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;

/**
 * The live consumers, one per topic and bound by configuration (Spring Cloud Stream binds a
 * function by its bean name), all the same. Each takes what one poll brought — a batch — and
 * projects it through the shared projections into a {@link BatchStore}: the documents the batch
 * needs are read in one query per read model and its changes written in one bulk write per read
 * model, before the offsets are committed. An event that cannot be read goes to the binding's
 * dead-letter topic and the rest of the batch is projected; anything else (the database away)
 * fails the batch, which is then tried again from its first event, with nothing skipped
 * ({@link ProjectionRetries}); applying events again changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumers {

    private final ReportingProjections projections;
    private final MongoTemplate mongo;
    private final DashboardUpdates updates;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final EventTracing tracing;
    private final Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    public ProjectionConsumers(ReportingProjections projections, MongoTemplate mongo, DashboardUpdates updates,
                               DeadLetters deadLetters, MeterRegistry meters, EventTracing tracing) {
        this.tracing = tracing;
        this.projections = projections;
        this.mongo = mongo;
        this.updates = updates;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Bean
    Consumer<Message<List<byte[]>>> households() {
        return batch -> project("households-in-0", batch);
    }

    @Bean
    Consumer<Message<List<byte[]>>> needs() {
        return batch -> project("needs-in-0", batch);
    }

    @Bean
    Consumer<Message<List<byte[]>>> funds() {
        return batch -> project("funds-in-0", batch);
    }

    @Bean
    Consumer<Message<List<byte[]>>> donations() {
        return batch -> project("donations-in-0", batch);
    }

    @Bean
    Consumer<Message<List<byte[]>>> campaigns() {
        return batch -> project("campaigns-in-0", batch);
    }

    @Bean
    Consumer<Message<List<byte[]>>> reservations() {
        return batch -> project("reservations-in-0", batch);
    }

    /** Units' yearly statistics and targets, from the unit tree's topic (the units themselves change no read model here). */
    @Bean
    Consumer<Message<List<byte[]>>> unitStatistics() {
        return batch -> project("unitStatistics-in-0", batch);
    }

    /** One event of the batch, read once, where it was read, and what it was read from. */
    private record Received(ReportingProjections.Read event, EventPosition at, Map<String, Object> headers, Object key,
                            byte[] payload) {
    }

    private void project(String binding, Message<List<byte[]>> batch) {
        BatchStore.Lookups lookups = new BatchStore.Lookups();
        List<Received> events = read(binding, batch, lookups);
        BatchStore store = BatchStore.reading(mongo, lookups.ids);
        for (Received received : events) {
            boolean changed;
            try {
                // Each event's projection continues the trace of the request that caused it.
                changed = tracing.continued(EventTracing.traceparentOf(received.headers()::get),
                        "project " + received.event().event().type(), () -> projections.apply(received.event(), received.at(), store));
            } catch (InvalidEventException unreadable) { // refused only with something stored: still parked, not retried forever
                park(binding, received.at(), received.key(), received.headers(), received.payload(), unreadable);
                continue;
            }
            consumed(received.event().event().type(), changed).increment();
        }
        store.flush().forEach(updates::changed);
    }

    private void park(String binding, EventPosition at, Object key, Map<String, Object> headers, byte[] payload, Exception cause) {
        deadLetters.park(binding, at.topic(), at.partition(), at.offset(), text(key), headers, payload, cause);
    }

    private Counter consumed(String type, boolean changed) {
        return counters.computeIfAbsent(type + (changed ? "" : "/ignored"), key -> Counter.builder("ansinh.events.consumed")
                .tag("type", type).tag("outcome", changed ? "applied" : "ignored").register(meters));
    }

    @SuppressWarnings("unchecked")
    /**
     * Reads the batch's events, parking the unreadable ones, and has each of the others look up (in
     * {@code lookups}) what it will need: with nothing stored, a projection looks up all it may.
     */
    private List<Received> read(String binding, Message<List<byte[]>> batch, BatchStore.Lookups lookups) {
        MessageHeaders headers = batch.getHeaders();
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> recordHeaders = headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<String> topics = headers.get(KafkaHeaders.RECEIVED_TOPIC, List.class);
        List<Integer> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
        List<Long> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
        List<Object> keys = headers.get(KafkaHeaders.RECEIVED_KEY, List.class);
        List<Received> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            Map<String, Object> own = recordHeaders == null ? Map.of() : recordHeaders.get(i);
            EventPosition at = new EventPosition(topics.get(i), partitions.get(i), offsets.get(i));
            Object key = keys == null ? null : keys.get(i);
            try {
                IncomingEvent event = IncomingEvent.from(own::get, payloads.get(i));
                ReportingProjections.Read read = projections.read(event);
                if (read == null) {
                    consumed(event.type(), false).increment();
                } else {
                    projections.apply(read, at, lookups); // refuses an incomplete event, before anything is written
                    events.add(new Received(read, at, own, key, payloads.get(i)));
                }
            } catch (InvalidEventException unreadable) {
                park(binding, at, key, own, payloads.get(i), unreadable);
            }
        }
        return events;
    }

    static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value == null ? null : value.toString();
    }
}
