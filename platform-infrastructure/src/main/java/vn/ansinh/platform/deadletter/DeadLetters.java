package vn.ansinh.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.CloudEventHeaders;
import vn.ansinh.platform.events.OutboxRelay;

/**
 * Everything this service could not process or could not send, in one list an administrator works
 * through after a fix:
 * <ul>
 *   <li>records its consumers parked in their dead-letter topics ({@code <topic>.<group>.dlq}) after the
 *       binder's retries, with the exception the binder noted; replaying one sends it back to its topic
 *       unchanged, so the consumer that failed gets it again (and every other consumer ignores it: same id,
 *       same sequence);</li>
 *   <li>events the outbox relay could not send ({@link OutboxRelay#DEAD_LETTERS}); replaying one sends it.</li>
 * </ul>
 * Replays are remembered ({@code dead_letter_replays}), so a record is replayed once however often the
 * button is pressed. Payloads are not shown: they may carry personal data the list does not need.
 */
public class DeadLetters {

    static final String REPLAYS = "dead_letter_replays";
    private static final int MAX_LISTED = 2_000;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxRelay relay;
    private final KafkaProperties kafkaProperties;
    private final BindingServiceProperties bindings;
    private final Environment environment;

    public DeadLetters(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxRelay relay, KafkaProperties kafkaProperties,
                       BindingServiceProperties bindings, Environment environment) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.relay = relay;
        this.kafkaProperties = kafkaProperties;
        this.bindings = bindings;
        this.environment = environment;
    }

    /**
     * @param id       {@code dlq:<topic>:<partition>:<offset>} or {@code outbox:<eventId>}
     * @param source   CONSUMER (a record a consumer could not process) or OUTBOX (an event this service could not send)
     * @param topic    the topic the record belongs to
     * @param group    for CONSUMER: the consumer group that failed on it
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record DeadLetter(String id, String source, String topic, String group, String type, String subject, String eventId,
                             String error, Instant failedAt, Instant replayedAt, String replayedBy) {
    }

    public List<DeadLetter> list() {
        Map<String, Document> replays = new HashMap<>();
        mongo.findAll(Document.class, REPLAYS).forEach(replay -> replays.put(replay.getString("_id"), replay));
        List<DeadLetter> letters = new ArrayList<>();
        for (Document dead : mongo.find(new Query().limit(MAX_LISTED), Document.class, OutboxRelay.DEAD_LETTERS)) {
            String id = "outbox:" + dead.getString("_id");
            letters.add(new DeadLetter(id, "OUTBOX", dead.getString("topic"), null, dead.getString("type"),
                    dead.getString("subject"), dead.getString("_id"), dead.getString("error"),
                    dead.getDate("failedAt").toInstant(), replayedAt(replays.get(id)), replayedBy(replays.get(id))));
        }
        Set<String> existing = existingTopics();
        dlqTopics().forEach((dlqTopic, group) -> readAll(existing, dlqTopic, record -> {
            String id = "dlq:" + record.topic() + ":" + record.partition() + ":" + record.offset();
            letters.add(new DeadLetter(id, "CONSUMER", header(record, "x-original-topic").orElse(originalTopic(dlqTopic, group)),
                    group, header(record, CloudEventHeaders.TYPE).orElse(null), header(record, CloudEventHeaders.SUBJECT).orElse(null),
                    header(record, CloudEventHeaders.ID).orElse(null), header(record, "x-exception-message").orElse(null),
                    Instant.ofEpochMilli(record.timestamp()), replayedAt(replays.get(id)), replayedBy(replays.get(id))));
        }));
        letters.sort(Comparator.comparing(DeadLetter::failedAt).reversed());
        return letters.size() > MAX_LISTED ? letters.subList(0, MAX_LISTED) : letters;
    }

    /** Sends the dead letter once more: to its topic for a consumer's record, to the broker at last for an outbox event. */
    public DeadLetter replay(String id, String by) {
        DeadLetter letter = list().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("dead-letter", id));
        if (letter.replayedAt() != null) {
            return letter; // replayed already: pressing the button again changes nothing
        }
        Document replay = new Document("_id", id).append("replayedAt", new Date()).append("replayedBy", by);
        try {
            mongo.insert(replay, REPLAYS);
        } catch (DuplicateKeyException replayedMeanwhile) {
            return replayed(letter, mongo.findById(id, Document.class, REPLAYS));
        }
        try {
            if (id.startsWith("outbox:")) {
                relay.resend(mongo.findById(letter.eventId(), Document.class, OutboxRelay.DEAD_LETTERS));
            } else {
                resendConsumerRecord(id, letter.topic());
            }
        } catch (RuntimeException failed) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), REPLAYS);
            throw failed;
        }
        return replayed(letter, replay);
    }

    private static DeadLetter replayed(DeadLetter letter, Document replay) {
        return new DeadLetter(letter.id(), letter.source(), letter.topic(), letter.group(), letter.type(), letter.subject(),
                letter.eventId(), letter.error(), letter.failedAt(), replayedAt(replay), replayedBy(replay));
    }

    private void resendConsumerRecord(String id, String originalTopic) {
        String[] parts = id.split(":");
        String dlqTopic = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 2));
        int partition = Integer.parseInt(parts[parts.length - 2]);
        long offset = Long.parseLong(parts[parts.length - 1]);
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition topicPartition = new TopicPartition(dlqTopic, partition);
            consumer.assign(List.of(topicPartition));
            consumer.seek(topicPartition, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        RecordHeaders headers = new RecordHeaders();
                        for (Header header : record.headers()) {
                            if (!header.key().startsWith("x-")) {
                                headers.add(header);
                            }
                        }
                        kafka.send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers)).join();
                        return;
                    }
                }
            }
        }
        throw Refusal.notFound("dead-letter", id);
    }

    /** Each consumer binding's dead-letter topic and its group. */
    Map<String, String> dlqTopics() {
        Map<String, String> topics = new java.util.LinkedHashMap<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (binding.getGroup() != null && name.contains("-in-")) {
                topics.put(dlqTopicOf(name), binding.getGroup());
            }
        });
        return topics;
    }

    /**
     * Parks a record that a batch consumer cannot read in its binding's dead-letter topic, with the headers
     * the binder itself writes (original topic, partition and offset, the exception) and the record's own
     * CloudEvents headers, so this page lists and replays it like any other. Sent and acknowledged before
     * the caller's batch is committed: a crash does not lose it; a broker that does not take it fails the
     * batch, which is then tried again.
     */
    public void park(String binding, String topic, int partition, long offset, String key, Map<String, Object> recordHeaders,
                     byte[] payload, Exception cause) {
        String dlqTopic = dlqTopicOf(binding);
        org.apache.kafka.common.header.internals.RecordHeaders headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        recordHeaders.forEach((name, value) -> {
            if (name.startsWith("ce_") && value != null) {
                headers.add(name, value instanceof byte[] bytes ? bytes : value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        headers.add("x-original-topic", topic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add("x-original-partition", java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add("x-original-offset", java.nio.ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add("x-exception-fqcn", cause.getClass().getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        headers.add("x-exception-message", String.valueOf(cause.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>(dlqTopic, 0, key, payload, headers))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking an unreadable record", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("An unreadable record could not be parked; the batch is tried again", e);
        }
        org.slf4j.LoggerFactory.getLogger(DeadLetters.class).warn("An unreadable record ({}-{}@{}) went to {}: {}", topic, partition,
                offset, dlqTopic, cause.getMessage());
    }

    /** A consumer binding's dead-letter topic: its configured {@code dlq-name}, else the binder's default name. */
    public String dlqTopicOf(String binding) {
        String dlqName = environment.getProperty("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name");
        if (dlqName != null) {
            return dlqName;
        }
        var properties = bindings.getBindingProperties(binding);
        return properties.getDestination() + "." + properties.getGroup() + ".dlq";
    }

    /** Topics that exist: a dead-letter topic is created with its first record, and asking a consumer for a missing one waits. */
    private Set<String> existingTopics() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                kafkaProperties.buildAdminProperties())) {
            return admin.listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", interrupted);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException brokerAway) {
            throw new IllegalStateException("The broker did not list its topics", brokerAway);
        }
    }

    private void readAll(Set<String> existing, String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        if (!existing.contains(topic)) {
            return;
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(5));
            Set<TopicPartition> unfinished = new LinkedHashSet<>();
            assigned.stream().filter(p -> ends.get(p) > 0).forEach(unfinished::add);
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!unfinished.isEmpty() && read < MAX_LISTED && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    each.accept(record);
                    read++;
                }
                unfinished.removeIf(p -> consumer.position(p) >= ends.get(p));
            }
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException | org.apache.kafka.common.errors.TimeoutException none) {
            // no dead letters yet: the topic is created with the first one
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private static String originalTopic(String dlqTopic, String group) {
        String suffix = "." + group + ".dlq";
        return dlqTopic.endsWith(suffix) ? dlqTopic.substring(0, dlqTopic.length() - suffix.length()) : dlqTopic;
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Instant replayedAt(Document replay) {
        return replay == null ? null : replay.getDate("replayedAt").toInstant();
    }

    private static String replayedBy(Document replay) {
        return replay == null ? null : replay.getString("replayedBy");
    }
}
