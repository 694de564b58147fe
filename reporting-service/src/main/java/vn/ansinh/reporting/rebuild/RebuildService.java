package vn.ansinh.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.reporting.projection.DashboardUpdates;
import vn.ansinh.reporting.projection.EventPosition;
import vn.ansinh.reporting.projection.ProjectionGroups;
import vn.ansinh.reporting.projection.ReadModelIndexes;
import vn.ansinh.reporting.projection.ReadModels;
import vn.ansinh.reporting.projection.ReportingProjections;

/**
 * Drops every read model and replays the topics from offset 0 through the same projections as the
 * live consumers.
 *
 * <p>The live consumers are stopped first, then the end offsets are taken: everything before them
 * is replayed here, everything after is consumed live once the consumers start again from their
 * committed offsets. Those offsets are at most the end offsets, so some events are applied twice,
 * which the projections ignore.
 * <p>
 * With several reporting instances, only one may be running when the rebuild starts: another would
 * take over the stopped consumers' partitions and write into the dropped models while they are
 * replayed. So the rebuild stops this instance's consumers and is refused
 * ({@code rebuild-other-instances}) while the projection groups still have members; and an instance
 * that joins while it runs makes it end FAILED, to be run again once that instance is stopped.
 */
@Service
public class RebuildService {

    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);
    private static final List<String> LIVE_BINDINGS = ProjectionGroups.BINDINGS;

    private final MongoTemplate mongo;
    private final ReportingProjections projections;
    private final BindingsLifecycleController bindings;
    private final DashboardUpdates updates;
    private final ReadModelIndexes indexes;
    private final ProjectionGroups groups;
    private final Clock clock;
    private final String bootstrapServers;
    private final int bufferDocuments;

    private volatile RebuildStatus status = RebuildStatus.IDLE;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile Instant replayEnded;

    public RebuildService(MongoTemplate mongo, ReportingProjections projections, BindingsLifecycleController bindings,
                          DashboardUpdates updates, ReadModelIndexes indexes,
                          ProjectionGroups groups, Clock clock,
                          @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                          @Value("${ansinh.reporting.rebuild.buffer-documents:300000}") int bufferDocuments) {
        this.mongo = mongo;
        this.projections = projections;
        this.bindings = bindings;
        this.updates = updates;
        this.indexes = indexes;
        this.groups = groups;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.bufferDocuments = bufferDocuments;
    }

    /** Starts a rebuild in the background. @throws Refusal if one is running */
    public synchronized RebuildStatus start() {
        if (status.running()) {
            throw Refusal.conflict("rebuild-running", "");
        }
        LIVE_BINDINGS.forEach(bindings::stop);
        try {
            int others = liveConsumersElsewhere();
            if (others > 0) {
                throw Refusal.conflict("rebuild-other-instances", others);
            }
        } catch (RuntimeException notNow) {
            LIVE_BINDINGS.forEach(bindings::start); // refused, or the broker did not answer: live consumption goes on
            throw notNow;
        }
        read.set(0);
        skipped.set(0);
        replayEnded = null;
        status = new RebuildStatus("READING", clock.instant(), null, 0, 0, 0, 0, 0, 0, 0, 0, null);
        Thread worker = new Thread(this::run, "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status;
    }

    public RebuildStatus status() {
        RebuildStatus current = status;
        if (!"READING".equals(current.state())) {
            return current;
        }
        long events = read.get();
        return withProgress(current.state(), current.startedAt(), null, current.eventsTotal(), events, 0, null);
    }

    private void run() {
        Instant started = status.startedAt();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService replayers = Executors.newFixedThreadPool(Math.max(2, cores));
        ForkJoinPool readers = new ForkJoinPool(cores);
        try {
            Map<String, Map<TopicPartition, Long>> ends = endOffsetsByTopic();
            long total = status.eventsTotal();
            ReadModels.ALL.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
            indexes.ensure();
            // Each topic feeds its own read models (households → household_view, donations → donation_view
            // and in_kind_view...), so topics replay side by side, each writing while others still read.
            AtomicInteger replaying = new AtomicInteger(ends.size());
            List<Future<Long>> topics = new ArrayList<>();
            ends.forEach((topic, end) -> topics.add(replayers.submit(() -> {
                BufferedReadModelStore store = new BufferedReadModelStore(mongo, bufferDocuments);
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
                    consumer.assign(end.keySet());
                    consumer.seekToBeginning(end.keySet());
                    replay(consumer, end, store, readers);
                }
                if (replaying.decrementAndGet() == 0) {
                    replayEnded = clock.instant();
                    status = withProgress("WRITING", started, null, total, read.get(), 0, null);
                }
                store.flush();
                return store.written();
            })));
            long documents = 0;
            for (Future<Long> topic : topics) {
                documents += topic.get();
            }
            int joined = liveConsumersElsewhere();
            if (joined > 0) {
                throw new IllegalStateException(joined + " consumers of another reporting instance joined during the rebuild "
                        + "and may have written into the models being rebuilt: stop the other instances and rebuild again");
            }
            status = withProgress("DONE", started, clock.instant(), total, read.get(), documents, null);
            log.info("Read models rebuilt: {} events, {} documents, {} events/s", read.get(), documents,
                    status.eventsPerSecond());
        } catch (RuntimeException | ExecutionException e) {
            log.error("Read model rebuild failed", e);
            status = withProgress("FAILED", started, clock.instant(), status.eventsTotal(), read.get(), 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = withProgress("FAILED", started, clock.instant(), status.eventsTotal(), read.get(), 0, e.toString());
        } finally {
            replayers.shutdownNow();
            readers.shutdownNow();
            LIVE_BINDINGS.forEach(bindings::start);
            updates.changedAll();
        }
    }

    /** Members of the projection groups other than this instance's (whose consumers are stopped). */
    private int liveConsumersElsewhere() {
        try {
            return groups.liveConsumers();
        } catch (Exception brokerAway) {
            throw new IllegalStateException("The broker did not say whether other reporting instances are running", brokerAway);
        }
    }

    /** The end offsets of every partition of the live bindings' topics, now that those consumers are stopped. */
    private Map<String, Map<TopicPartition, Long>> endOffsetsByTopic() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            Map<String, Map<TopicPartition, Long>> ends = new LinkedHashMap<>();
            long total = 0;
            for (String binding : LIVE_BINDINGS) {
                String topic = groups.topicOf(binding);
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                total += end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
                ends.put(topic, end);
            }
            status = withProgress("READING", status.startedAt(), null, total, 0, 0, null);
            return ends;
        }
    }

    private void replay(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, BufferedReadModelStore store,
                        ForkJoinPool readers) {
        Map<TopicPartition, Long> remaining = new HashMap<>(end);
        remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        while (!remaining.isEmpty()) {
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Long until = end.get(new TopicPartition(record.topic(), record.partition()));
                if (until != null && record.offset() < until) {
                    batch.add(record);
                }
            }
            project(batch, store, readers);
            remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }

    /**
     * Reads a batch's envelopes and payloads on every core, then applies them in offset order on this
     * thread, the only one writing this topic's store. Reading is most of an event's cost, and one
     * topic (households) carries most of the events: read on this thread alone, it kept one core
     * busy while the other had finished its smaller topics.
     */
    private void project(List<ConsumerRecord<byte[], byte[]>> batch, BufferedReadModelStore store, ForkJoinPool readers) {
        ReportingProjections.Read[] reads = new ReportingProjections.Read[batch.size()];
        boolean[] unreadable = new boolean[batch.size()];
        readers.submit(() -> IntStream.range(0, batch.size()).parallel().forEach(i -> {
            try {
                reads[i] = projections.read(envelope(batch.get(i)));
            } catch (InvalidEventException e) {
                unreadable[i] = true;
            }
        })).join();
        for (int i = 0; i < reads.length; i++) {
            ConsumerRecord<byte[], byte[]> record = batch.get(i);
            try {
                if (unreadable[i]) {
                    skipped.incrementAndGet();
                } else if (reads[i] != null) {
                    projections.apply(reads[i], new EventPosition(record.topic(), record.partition(), record.offset()), store);
                }
            } catch (InvalidEventException unusable) {
                skipped.incrementAndGet();
            }
            read.incrementAndGet();
        }
    }

    private static IncomingEvent envelope(ConsumerRecord<byte[], byte[]> record) {
        return IncomingEvent.from(name -> header(record, name), record.value());
    }

    private static Object header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        // Fetches of a few megabytes keep the broker ahead of the projection; larger ones (64 MB were tried)
        // allocate arrays that go straight to the old generation and cost full collections mid-rebuild.
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + UUID.randomUUID());
        return properties;
    }

    private RebuildStatus withProgress(String state, Instant started, Instant finished, long total, long events,
                                       long documents, String error) {
        double seconds = Math.max(0.001, Duration.between(started, finished == null ? clock.instant() : finished).toMillis() / 1000.0);
        double percent = total == 0 ? ("DONE".equals(state) ? 100 : 0) : Math.min(100, Math.round(events * 1000.0 / total) / 10.0);
        Instant replayed = replayEnded;
        double replaySeconds = replayed == null ? seconds : Duration.between(started, replayed).toMillis() / 1000.0;
        double writeSeconds = replayed == null ? 0
                : Duration.between(replayed, finished == null ? clock.instant() : finished).toMillis() / 1000.0;
        return new RebuildStatus(state, started, finished, total, events, skipped.get(), documents, percent,
                Math.round(events / seconds), replaySeconds, writeSeconds, error);
    }
}
