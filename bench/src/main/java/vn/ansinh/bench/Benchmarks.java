package vn.ansinh.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.support.MessageBuilder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Events;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.OutboxEvent;
import vn.ansinh.platform.events.OutboxProperties;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.platform.events.VersionedProjection;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * Prints throughput figures of the event backbone on this machine, with the same embedded broker
 * and Mongo wire server as the tests:
 * <ul>
 *   <li>outbox relay: aggregates with a pending event, sent to Kafka (acks=all, idempotent) and removed;</li>
 *   <li>versioned projection: events applied one by one with the version guard (the consumer hot path).</li>
 * </ul>
 * Usage: {@code java -jar bench-exec.jar [events]} (default 50,000).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri("bench"))) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            JsonMapper json = JsonMapper.builder().build();
            EventFactory factory = new EventFactory(json, Clock.systemUTC());
            List<IncomingEvent> published = outboxRelay(mongo, kafka, factory, events);
            projection(mongo, published);
        }
        System.exit(0);
    }

    private static List<IncomingEvent> outboxRelay(MongoTemplate mongo, String kafka, EventFactory factory, int events) {
        List<Document> aggregates = new ArrayList<>(events);
        List<IncomingEvent> incoming = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            String id = UUID.randomUUID().toString();
            OutboxEvent event = factory.create(Events.HOUSEHOLD_REGISTERED, id, 0,
                    new HouseholdRegistered(id, "27547", List.of("POOR"), "POOR", 4, java.time.Instant.now()));
            aggregates.add(new Document("_id", id).append("outbox", List.of(new Document("eventId", event.eventId())
                    .append("topic", event.topic()).append("type", event.type()).append("subject", event.subject())
                    .append("sequence", event.sequence()).append("time", java.util.Date.from(event.time()))
                    .append("payload", event.payload()))));
            incoming.add(IncomingEvent.from(MessageBuilder.withPayload(event.payload().getBytes())
                    .setHeader("ce_id", event.eventId()).setHeader("ce_type", event.type())
                    .setHeader("ce_subject", id).setHeader("ce_sequence", "0")
                    .setHeader("ce_time", event.time().toString()).build()));
        }
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        OutboxRelay relay = new OutboxRelay(mongo, template, new OutboxProperties(List.of("bench_aggregates"),
                "/bench", null, 1_000, null), new SimpleMeterRegistry());
        relay.drainOnce(); // warm-up: connections, topic metadata

        // Hot path: the service hands the relay the events it has just saved.
        insert(mongo, aggregates);
        long start = System.nanoTime();
        for (Document aggregate : aggregates) {
            relay.saved("bench_aggregates", aggregate.get("_id"), List.of(eventOf(aggregate)));
        }
        int sent = relay.drainOnce();
        print("outbox relay, handed over", sent, start);

        // Recovery path: nobody handed the events over (the service died after saving); the sweep finds them.
        mongo.getCollection("bench_aggregates").drop();
        insert(mongo, aggregates);
        start = System.nanoTime();
        sent = relay.drainOnce();
        print("outbox relay, found by sweep", sent, start);
        return incoming;
    }

    private static void insert(MongoTemplate mongo, List<Document> aggregates) {
        for (int from = 0; from < aggregates.size(); from += 5_000) {
            List<Document> copies = aggregates.subList(from, Math.min(aggregates.size(), from + 5_000)).stream()
                    .map(Document::new).toList();
            mongo.getCollection("bench_aggregates").insertMany(copies);
        }
    }

    private static OutboxEvent eventOf(Document aggregate) {
        Document event = aggregate.getList("outbox", Document.class).get(0);
        return new OutboxEvent(event.getString("eventId"), event.getString("topic"), event.getString("type"),
                event.getString("subject"), event.getLong("sequence"), event.getDate("time").toInstant(),
                event.getString("payload"));
    }

    private static void print(String what, int events, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s: %,d events sent and removed in %.2f s = %,.0f events/s%n", what, events, seconds, events / seconds);
    }

    private static void projection(MongoTemplate mongo, List<IncomingEvent> events) {
        VersionedProjection projection = new VersionedProjection(mongo, new SimpleMeterRegistry());
        long start = System.nanoTime();
        for (IncomingEvent event : events) {
            projection.apply("bench_view", event, new Document("unitCode", "27547").append("povertyStatus", "POOR"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("versioned projection: %,d events applied one by one in %.2f s = %,.0f events/s%n",
                events.size(), seconds, events.size() / seconds);
        start = System.nanoTime();
        for (IncomingEvent event : events) {
            projection.apply("bench_view", event, new Document("unitCode", "27547").append("povertyStatus", "POOR"));
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("versioned projection, all redelivered (ignored): %,d events in %.2f s = %,.0f events/s%n",
                events.size(), seconds, events.size() / seconds);
    }
}
