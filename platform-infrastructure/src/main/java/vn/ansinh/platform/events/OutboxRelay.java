package vn.ansinh.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>Hot path: after saving, a service hands the relay the events it just stored
 * ({@link #saved}); the relay sends them, waits for every acknowledgement ({@code acks=all}) and
 * removes them with a {@code $pull} by {@code _id}: no query scans a collection. Safety net: at
 * start-up and then every {@code sweepInterval} the relay sweeps each collection for aggregates
 * whose events are still there (the process died between saving and sending, or another instance
 * did).
 *
 * <p>At-least-once: a crash between the send and the removal sends the same events again (same
 * {@code ce_id}, same sequence), which consumers ignore. The removal does not bump {@code @Version}:
 * an aggregate saved concurrently keeps its new events and may re-add already-sent ones, which
 * again only causes a harmless re-send.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String OUTBOX_FIELD = "outbox";
    /** Present exactly when the outbox holds an event: the first event's id (indexed, sparse). */
    private static final String PENDING = OUTBOX_FIELD + ".0.eventId";
    /** When the first pending event happened: the regular sweep takes only those older than {@link #HAND_OVER_GRACE}. */
    private static final String PENDING_SINCE = OUTBOX_FIELD + ".0.time";
    /** Longer than any save takes to hand its events over, short beside the sweep interval. */
    static final Duration HAND_OVER_GRACE = Duration.ofSeconds(5);

    private record Pending(String collection, Object aggregateId, List<OutboxEvent> events) {
    }

    private final MongoTemplate mongo;
    /** Where the audit records that travel in outboxes go; set by the platform's configuration. */
    private vn.ansinh.platform.audit.AuditTrail auditTrail;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final ConcurrentLinkedQueue<Pending> handedOver = new ConcurrentLinkedQueue<>();
    private final Semaphore wakeUps = new Semaphore(0);
    /**
     * Ids of the events sent lately. A sweep can find an event between its aggregate's save and the
     * hand-over that follows; the hand-over then must not send it a second time.
     */
    private final Set<String> recentlySent = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>(1_024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > 100_000;
                }
            }));
    private volatile boolean running;
    private volatile long lastSweepNanos;
    private Thread worker;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                       MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("ansinh.outbox.backlog", handedOver, ConcurrentLinkedQueue::size)
                .description("Saved aggregates whose events this instance has not sent yet").register(meters);
    }

    /**
     * Hands over the events an aggregate has just been saved with. Call it after every successful
     * save that added events; it returns at once and the events leave within milliseconds.
     */
    public void storeAuditRecordsIn(vn.ansinh.platform.audit.AuditTrail trail) {
        this.auditTrail = trail;
    }

    public void saved(String collection, Object aggregateId, List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            handedOver.add(new Pending(collection, aggregateId, List.copyOf(events)));
            if (wakeUps.availablePermits() == 0) {
                wakeUps.release();
            }
        }
    }

    /** Sends everything handed over, then sweeps every collection once; returns the events sent. For tests and benchmarks. */
    public int drainOnce() {
        return drain(null);
    }

    /**
     * Sends what was handed over, then sweeps each collection until it holds no pending event older than
     * {@code before} (null: none at all). The regular sweep leaves alone events younger than
     * {@link #HAND_OVER_GRACE}: their savers are about to hand them over, here or on another instance. Without
     * that, a sweep under heavy writing kept finding the newest entries, sent them ahead of their hand-over
     * (sent twice when the saver was another instance) and swept again, for as long as the writing lasted.
     */
    private int drain(Instant before) {
        int sent = sendHandedOver();
        for (String collection : properties.collections()) {
            int swept;
            while ((swept = sweep(collection, before)) > 0) {
                sent += swept;
            }
        }
        lastSweepNanos = System.nanoTime();
        return sent;
    }

    private int sendHandedOver() {
        int sent = 0;
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while ((next = handedOver.poll()) != null) {
            batch.add(next);
            if (batch.size() >= properties.batchSize()) {
                sent += send(batch);
                batch.clear();
            }
        }
        return sent + (batch.isEmpty() ? 0 : send(batch));
    }

    private int sweep(String collection, Instant before) {
        Criteria stillThere = Criteria.where(PENDING).exists(true);
        if (before != null) {
            stillThere = stillThere.and(PENDING_SINCE).lt(Date.from(before));
        }
        Query pending = new Query(stillThere).limit(properties.batchSize());
        pending.fields().include(OUTBOX_FIELD);
        List<Pending> found = new ArrayList<>();
        for (Document document : mongo.find(pending, Document.class, collection)) {
            found.add(new Pending(collection, document.get("_id"),
                    document.getList(OUTBOX_FIELD, Document.class).stream().map(OutboxRelay::fromDocument).toList()));
        }
        if (found.isEmpty()) {
            return 0;
        }
        int sent = send(found);
        Counter.builder("ansinh.outbox.swept").description("Events sent by a sweep rather than handed over (after a crash)")
                .tag("collection", collection).register(meters).increment(sent);
        return sent;
    }

    /**
     * Sends a batch and removes from each outbox what the broker acknowledged. An event the broker
     * refuses (too large, a topic that does not exist, a record it cannot take) does not hold up the
     * rest: it stays in its outbox, is counted, and after {@link #MAX_ATTEMPTS} failed rounds is moved
     * to {@code outbox_dead_letters}, where an administrator finds it and replays it after a fix.
     */
    private int send(List<Pending> batch) {
        Map<String, CompletableFuture<?>> sends = new LinkedHashMap<>();
        List<OutboxEvent> auditRecords = new ArrayList<>();
        for (Pending pending : batch) {
            for (OutboxEvent event : pending.events()) {
                if (recentlySent.contains(event.eventId())) {
                    continue; // a sweep found it saved and sent it before it was handed over: only remove it
                }
                if (vn.ansinh.platform.audit.AuditTrail.DESTINATION.equals(event.topic())) {
                    auditRecords.add(event); // stays in this service: stored in its audit collection below
                    continue;
                }
                CompletableFuture<?> send;
                try {
                    send = kafka.send(toRecord(event));
                } catch (RuntimeException refusedAtOnce) {
                    send = CompletableFuture.failedFuture(refusedAtOnce);
                }
                sends.put(event.eventId(), send);
            }
        }
        // Wait for every acknowledgement before removing anything: only acknowledged events leave the outbox.
        Map<String, Throwable> failed = new LinkedHashMap<>();
        if (!auditRecords.isEmpty()) {
            // No trail to store them in: they stay in their outboxes rather than being lost.
            Set<String> notStored = auditTrail == null
                    ? auditRecords.stream().map(OutboxEvent::eventId).collect(java.util.stream.Collectors.toSet())
                    : auditTrail.store(auditRecords);
            notStored.forEach(id -> failed.put(id, new IllegalStateException("Audit record not stored")));
            Counter.builder("ansinh.audit.recorded").description("Audit records of changes moved to the audit trail")
                    .register(meters).increment(auditRecords.size() - notStored.size());
        }
        sends.forEach((eventId, send) -> {
            try {
                send.join();
            } catch (RuntimeException e) {
                failed.put(eventId, e.getCause() == null ? e : e.getCause());
            }
        });
        if (!sends.isEmpty() && !failed.isEmpty() && failed.values().stream().allMatch(OutboxRelay::brokerUnavailable)) {
            // Nothing wrong with the events: the broker is away. The loop backs off and the sweep retries.
            throw new IllegalStateException("Broker unavailable", failed.values().iterator().next());
        }
        batch.forEach(pending -> pending.events().stream().filter(event -> !failed.containsKey(event.eventId()))
                .forEach(event -> recentlySent.add(event.eventId())));
        int sent = 0;
        for (String collection : batch.stream().map(Pending::collection).distinct().toList()) {
            BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            int count = 0;
            for (Pending pending : batch) {
                if (pending.collection().equals(collection)) {
                    List<String> ids = pending.events().stream().map(OutboxEvent::eventId).filter(id -> !failed.containsKey(id)).toList();
                    if (!ids.isEmpty()) {
                        removals.updateOne(Query.query(Criteria.where("_id").is(pending.aggregateId())),
                                new Update().pull(OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(ids)).getQueryObject()));
                        count += ids.size();
                    }
                }
            }
            if (count > 0) {
                removals.execute();
            }
            sent += count;
            long audit = batch.stream().filter(pending -> pending.collection().equals(collection))
                    .flatMap(pending -> pending.events().stream()).filter(event -> !failed.containsKey(event.eventId())
                            && vn.ansinh.platform.audit.AuditTrail.DESTINATION.equals(event.topic())).count();
            Counter.builder("ansinh.events.published").tag("collection", collection).register(meters).increment(count - audit);
        }
        for (Pending pending : batch) {
            for (OutboxEvent event : pending.events()) {
                Throwable error = failed.get(event.eventId());
                if (error != null) {
                    failedToSend(pending, event, error);
                }
            }
        }
        return sent;
    }

    /** Failed rounds per event; an event that keeps failing leaves its outbox for the dead letters. */
    private final Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_ATTEMPTS = 5;
    public static final String DEAD_LETTERS = "outbox_dead_letters";

    private void failedToSend(Pending pending, OutboxEvent event, Throwable error) {
        Counter.builder("ansinh.outbox.failed").description("Events the broker refused (each attempt)")
                .tag("collection", pending.collection()).tag("type", event.type()).register(meters).increment();
        int attempts = failures.merge(event.eventId(), 1, Integer::sum);
        log.warn("Event {} ({}) of {} {} could not be sent (attempt {}): {}", event.eventId(), event.type(), pending.collection(),
                pending.aggregateId(), attempts, error.toString());
        if (attempts < MAX_ATTEMPTS) {
            return;
        }
        failures.remove(event.eventId());
        Document dead = new Document("_id", event.eventId()).append("collection", pending.collection())
                .append("aggregateId", pending.aggregateId()).append("topic", event.topic()).append("type", event.type())
                .append("subject", event.subject()).append("sequence", event.sequence()).append("time", Date.from(event.time()))
                .append("payload", event.payload()).append(vn.ansinh.platform.audit.AuditTrail.OUTBOX_RECORD, event.auditRecord())
                .append("error", String.valueOf(error.getMessage()))
                .append("failedAt", new Date()).append("attempts", attempts);
        try {
            mongo.insert(dead, DEAD_LETTERS);
        } catch (org.springframework.dao.DuplicateKeyException movedAlready) {
            // another instance moved it
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(pending.aggregateId())),
                new Update().pull(OUTBOX_FIELD, Query.query(Criteria.where("eventId").is(event.eventId())).getQueryObject()),
                pending.collection());
        Counter.builder("ansinh.outbox.dead-lettered").description("Events moved out of their outbox after repeated failures")
                .tag("collection", pending.collection()).tag("type", event.type()).register(meters).increment();
        log.error("Event {} ({}) moved to {} after {} failed attempts", event.eventId(), event.type(), DEAD_LETTERS, attempts);
    }

    /**
     * Sends a dead-lettered event again, as it was (same id and sequence: consumers that saw it ignore it);
     * an audit record that could not be stored is stored in the trail again instead (one stored already is kept).
     */
    public void resend(Document dead) {
        OutboxEvent event = fromDocument(new Document(dead).append("eventId", dead.getString("_id")));
        if (vn.ansinh.platform.audit.AuditTrail.DESTINATION.equals(event.topic())) {
            if (auditTrail == null || !auditTrail.store(List.of(event)).isEmpty()) {
                throw new IllegalStateException("Audit record " + event.eventId() + " could not be stored");
            }
            return;
        }
        kafka.send(toRecord(event)).join();
        recentlySent.add(event.eventId());
    }

    private static boolean brokerUnavailable(Throwable error) {
        return error instanceof org.apache.kafka.common.errors.TimeoutException
                || error instanceof org.apache.kafka.common.errors.RetriableException
                || error instanceof org.springframework.kafka.KafkaException && error.getCause() != null
                && brokerUnavailable(error.getCause());
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, event.eventId());
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.SOURCE, properties.source());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SUBJECT, event.subject());
        header(headers, CloudEventHeaders.TIME, event.time().toString());
        header(headers, CloudEventHeaders.SEQUENCE, Long.toString(event.sequence()));
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (event.traceparent() != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, event.traceparent());
        }
        return new ProducerRecord<>(event.topic(), null, event.subject(),
                event.payload().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static OutboxEvent fromDocument(Document event) {
        Object time = event.get("time");
        return new OutboxEvent(event.getString("eventId"), event.getString("topic"), event.getString("type"),
                event.getString("subject"), ((Number) event.get("sequence")).longValue(),
                time instanceof Date date ? date.toInstant() : java.time.Instant.parse(String.valueOf(time)),
                event.getString("payload"), event.getString("traceparent"),
                event.get(vn.ansinh.platform.audit.AuditTrail.OUTBOX_RECORD, Document.class));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the producer and fetches topic metadata now, so the first event after a start does not wait for them. */
    private void warmUp() {
        try {
            for (var topic : vn.ansinh.events.Topics.ALL) {
                kafka.partitionsFor(topic.name());
            }
        } catch (RuntimeException brokerNotReadyYet) {
            log.debug("Producer warm-up failed, the first send will retry: {}", brokerNotReadyYet.toString());
        }
    }

    private void loop() {
        warmUp();
        long backoffMillis = 0;
        Duration sweepInterval = properties.sweepInterval();
        while (running) {
            try {
                if (System.nanoTime() - lastSweepNanos >= sweepInterval.toNanos()) {
                    // A sweep due at once (start-up, a failed round: nothing in flight) takes every pending event, however young.
                    drain(lastSweepNanos == 0 ? null : Instant.now().minus(HAND_OVER_GRACE));
                } else if (sendHandedOver() == 0) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or MongoDB unavailable. What was handed over and not removed is still in the
                // aggregates' outboxes: the next sweep finds it. Sweep soon, with a growing pause.
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 250), 10_000);
                lastSweepNanos = 0;
                log.warn("Outbox relay round failed, retrying in {} ms", backoffMillis, e);
                try {
                    pauseIgnoringWakeUps(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** During a backoff, hand-overs keep arriving; they must not turn the pause into a busy retry loop. */
    private void pauseIgnoringWakeUps(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            wakeUps.tryAcquire(remaining, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void start() {
        indexPendingOutboxes();
        running = true;
        lastSweepNanos = 0; // sweep at start-up: events left by a crash go out first
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * The sweep asks each collection for the documents whose outbox still holds an event. Without an
     * index that is a scan of the whole collection every sweep — millions of ledger entries on a busy
     * installation, all but a handful with an empty outbox. A sparse index holds exactly the pending
     * ones (a sparse index of the first pending event's id), so the sweep reads only them.
     */
    private void indexPendingOutboxes() {
        for (String collection : properties.collections()) {
            try {
                // Sparse: a document whose outbox is empty has no outbox.0.eventId and is not in the index at all.
                mongo.indexOps(collection).createIndex(new org.springframework.data.mongodb.core.index.Index()
                        .on(PENDING, org.springframework.data.domain.Sort.Direction.ASC).named("outbox_pending").sparse());
            } catch (RuntimeException refused) {
                // The sweep still works without it, only slower: say so, do not stop the service.
                log.error("No index of pending outbox events on {}: sweeps will scan the collection ({})", collection,
                        refused.toString());
            }
        }
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
