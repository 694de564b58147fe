package vn.ansinh.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the events that aggregates left in their {@code outbox} arrays, then removes them.
 *
 * <p>At-least-once: a crash between the send and the removal sends the same events again (same
 * {@code ce_id}, same sequence), which consumers ignore. The removal is a {@code $pull} by event id
 * that does not bump {@code @Version}: an aggregate saved concurrently keeps its own new events and
 * may re-add already-sent ones, which again only causes a harmless re-send.
 *
 * <p>One background thread; a service calls {@link #wakeUp()} after a write so that events leave
 * within milliseconds instead of waiting for the next poll.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String OUTBOX_FIELD = "outbox";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
        for (String collection : properties.collections()) {
            Gauge.builder("ansinh.outbox.backlog", () -> pendingDocuments(collection))
                    .description("Aggregates whose events are not yet sent to Kafka")
                    .tag("collection", collection).register(meters);
        }
    }

    /** Asks the relay to look for pending events now. Cheap; call it after every write that adds events. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Sends everything pending once; returns the number of events sent. Used by the loop and by tests. */
    public int drainOnce() {
        int sent = 0;
        for (String collection : properties.collections()) {
            sent += drain(collection);
        }
        return sent;
    }

    private int drain(String collection) {
        Query pending = new Query(Criteria.where(OUTBOX_FIELD + ".0").exists(true)).limit(properties.batchSize());
        pending.fields().include(OUTBOX_FIELD);
        List<Document> documents = mongo.find(pending, Document.class, collection);
        if (documents.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int events = 0;
        for (Document document : documents) {
            List<String> ids = new ArrayList<>();
            for (Document event : document.getList(OUTBOX_FIELD, Document.class)) {
                sends.add(kafka.send(toRecord(event)));
                ids.add(event.getString("eventId"));
                events++;
            }
            removals.updateOne(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull(OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(ids)).getQueryObject()));
        }
        // Wait for every acknowledgement (acks=all) before removing anything: only acknowledged events leave the outbox.
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        removals.execute();
        Counter.builder("ansinh.events.published").tag("collection", collection).register(meters).increment(events);
        return events;
    }

    private ProducerRecord<String, byte[]> toRecord(Document event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.getString("eventId"));
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.SOURCE, properties.source());
        header(headers, CloudEventHeaders.TYPE, event.getString("type"));
        header(headers, CloudEventHeaders.SUBJECT, event.getString("subject"));
        header(headers, CloudEventHeaders.TIME, event.get("time") instanceof java.util.Date date
                ? date.toInstant().toString() : String.valueOf(event.get("time")));
        header(headers, CloudEventHeaders.SEQUENCE, String.valueOf(((Number) event.get("sequence")).longValue()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        String subject = event.getString("subject");
        return new ProducerRecord<>(event.getString("topic"), null, subject,
                event.getString("payload").getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private double pendingDocuments(String collection) {
        return mongo.count(new Query(Criteria.where(OUTBOX_FIELD + ".0").exists(true)), collection);
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                int sent = drainOnce();
                backoffMillis = 0;
                if (sent == 0) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or MongoDB unavailable: events stay in the outbox; try again with a growing pause.
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 250), 10_000);
                log.warn("Outbox relay round failed, retrying in {} ms: {}", backoffMillis, e.toString());
                try {
                    wakeUps.tryAcquire(backoffMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
