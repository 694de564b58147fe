package vn.ansinh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Events;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.AdminUnitRecorded;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * The outbox relay against the real broker and the Mongo wire server. (It lives in the test kit's
 * tests because the kit depends on the infrastructure module, not the other way round.)
 */
class OutboxRelayTest {

    static MongoClient client;
    static MongoTemplate mongo;
    static OutboxRelay relay;
    static KafkaTemplate<String, byte[]> kafka;
    static EventFactory events = new EventFactory(JsonMapper.builder().build(), Clock.systemUTC());

    @BeforeAll
    static void start() {
        client = MongoClients.create(TestInfrastructure.mongoUri("outbox-test"));
        mongo = new MongoTemplate(client, "outbox-test");
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        relay = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("units"), "/outbox-test", null, 2, null),
                new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @Test
    void handedOverEventsAreSentWithTheirEnvelopeAndRemoved() {
        String code = "T" + UUID.randomUUID();
        OutboxEvent event = saveWithEvent(code, 4);

        relay.saved("units", code, List.of(event));
        assertThat(relay.drainOnce()).isGreaterThanOrEqualTo(1);

        assertThat(mongo.findById(code, Document.class, "units").getList("outbox", Document.class)).isEmpty();
        List<PublishedEvents.Event> published = PublishedEvents.readAll(Topics.ADMIN_UNITS.name()).stream()
                .filter(e -> code.equals(e.key())).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.ADMIN_UNIT_RECORDED);
            assertThat(e.subject()).isEqualTo(code);
            assertThat(e.sequence()).isEqualTo(4);
            assertThat(e.payload()).contains("\"code\":\"" + code + "\"");
        });
    }

    @Test
    void eventsOfAProcessThatDiedAfterSavingAreFoundBySweepingMoreThanOneBatch() {
        List<String> codes = List.of("S" + UUID.randomUUID(), "S" + UUID.randomUUID(), "S" + UUID.randomUUID(),
                "S" + UUID.randomUUID(), "S" + UUID.randomUUID());
        codes.forEach(code -> saveWithEvent(code, 0)); // saved, never handed over: the process "died"

        relay.drainOnce();

        codes.forEach(code -> assertThat(mongo.findById(code, Document.class, "units").getList("outbox", Document.class)).isEmpty());
        assertThat(PublishedEvents.readAll(Topics.ADMIN_UNITS.name())).extracting(PublishedEvents.Event::key)
                .containsAll(codes);
    }

    @Test
    void aNewerEventSavedMeanwhileIsNotLostAndFollowsInOrder() {
        String code = "N" + UUID.randomUUID();
        OutboxEvent first = saveWithEvent(code, 0);
        OutboxEvent second = events.create(Events.ADMIN_UNIT_RECORDED, code, 1,
                new AdminUnitRecorded(code, "Xã Mới", "COMMUNE", "783", null, null, code, null));
        mongo.getCollection("units").updateOne(new Document("_id", code),
                new Document("$push", new Document("outbox", asStoredDocument(second))));

        relay.saved("units", code, List.of(first)); // the relay only knows of the first one
        relay.drainOnce();

        assertThat(PublishedEvents.readAll(Topics.ADMIN_UNITS.name()).stream().filter(e -> code.equals(e.key()))
                .map(PublishedEvents.Event::sequence).toList()).containsExactly(0L, 1L);
        assertThat(mongo.findById(code, Document.class, "units").getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void anEventTheBrokerRefusesDoesNotHoldUpTheOthersAndEndsInTheDeadLetters() {
        String poisoned = "P" + UUID.randomUUID();
        String healthy = "H" + UUID.randomUUID();
        // Over the producer's 1 MB request size: the broker will never take it.
        OutboxEvent tooLarge = events.create(Events.ADMIN_UNIT_RECORDED, poisoned, 0,
                new AdminUnitRecorded(poisoned, "x".repeat(1_200_000), "COMMUNE", "783", null, null, poisoned, null));
        mongo.getCollection("units").insertOne(new Document("_id", poisoned).append("outbox", List.of(asStoredDocument(tooLarge))));
        OutboxEvent fine = saveWithEvent(healthy, 0);

        relay.saved("units", poisoned, List.of(tooLarge));
        relay.saved("units", healthy, List.of(fine));
        relay.drainOnce();

        assertThat(PublishedEvents.readAll(Topics.ADMIN_UNITS.name())).extracting(PublishedEvents.Event::key)
                .as("the healthy event went out in the same round").contains(healthy).doesNotContain(poisoned);
        assertThat(mongo.findById(healthy, Document.class, "units").getList("outbox", Document.class)).isEmpty();
        assertThat(mongo.findById(poisoned, Document.class, "units").getList("outbox", Document.class))
                .as("kept for another try").hasSize(1);

        for (int round = 0; round < OutboxRelay.MAX_ATTEMPTS; round++) {
            relay.drainOnce();
        }

        assertThat(mongo.findById(poisoned, Document.class, "units").getList("outbox", Document.class))
                .as("no longer retried at every sweep").isEmpty();
        Document dead = mongo.findById(tooLarge.eventId(), Document.class, OutboxRelay.DEAD_LETTERS);
        assertThat(dead).isNotNull();
        assertThat(dead.getString("collection")).isEqualTo("units");
        assertThat(dead.getString("type")).isEqualTo(EventTypes.ADMIN_UNIT_RECORDED);
        assertThat(dead.getString("error")).isNotBlank();
    }

    @Test
    void theRegularSweepLeavesAnEventJustSavedToItsHandOverAndTakesItOnceItIsOverdue() {
        // A relay of its own, sweeping every 200 ms. Its start-up sweep takes every pending event however young (the
        // probe, saved a moment before): once the probe is gone, the sweeps that follow are the regular ones.
        String probe = "P" + UUID.randomUUID();
        saveWithEvent("sweep-grace", probe, events);
        OutboxRelay sweeping = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("sweep-grace"), "/outbox-test",
                java.time.Duration.ofMillis(50), 100, java.time.Duration.ofMillis(200)), new SimpleMeterRegistry());
        sweeping.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    mongo.findById(probe, Document.class, "sweep-grace").getList("outbox", Document.class).isEmpty());
            String overdue = "O" + UUID.randomUUID();
            String justSaved = "J" + UUID.randomUUID();
            EventFactory aMinuteAgo = new EventFactory(JsonMapper.builder().build(),
                    Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(-1)));
            saveWithEvent("sweep-grace", overdue, aMinuteAgo);
            saveWithEvent("sweep-grace", justSaved, events); // its saver "is about to hand it over", and never does
            long saved = System.nanoTime();

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                    mongo.findById(overdue, Document.class, "sweep-grace").getList("outbox", Document.class).isEmpty());
            assertThat(mongo.findById(justSaved, Document.class, "sweep-grace").getList("outbox", Document.class))
                    .as("left to its hand-over by sweeps in the first %s", OutboxRelay.HAND_OVER_GRACE).hasSize(1);
            assertThat(System.nanoTime() - saved).as("the overdue one was swept before the grace ran out")
                    .isLessThan(OutboxRelay.HAND_OVER_GRACE.toNanos());

            org.awaitility.Awaitility.await().atMost(OutboxRelay.HAND_OVER_GRACE.plusSeconds(5)).until(() ->
                    mongo.findById(justSaved, Document.class, "sweep-grace").getList("outbox", Document.class).isEmpty());
            assertThat(PublishedEvents.readAll(Topics.ADMIN_UNITS.name())).extracting(PublishedEvents.Event::key)
                    .as("never handed over, so sent by a sweep once overdue").contains(overdue, justSaved);
        } finally {
            sweeping.stop();
        }
    }

    private static void saveWithEvent(String collection, String code, EventFactory factory) {
        OutboxEvent event = factory.create(Events.ADMIN_UNIT_RECORDED, code, 0,
                new AdminUnitRecorded(code, "Xã Thử", "COMMUNE", "783", null, null, code, null));
        mongo.getCollection(collection).insertOne(new Document("_id", code).append("outbox", List.of(asStoredDocument(event))));
    }

    private static OutboxEvent saveWithEvent(String code, long sequence) {
        OutboxEvent event = events.create(Events.ADMIN_UNIT_RECORDED, code, sequence,
                new AdminUnitRecorded(code, "Xã Thử", "COMMUNE", "783", null, null, code, null));
        mongo.getCollection("units").insertOne(new Document("_id", code).append("name", "Xã Thử")
                .append("outbox", List.of(asStoredDocument(event))));
        return event;
    }

    private static Document asStoredDocument(OutboxEvent event) {
        return new Document("eventId", event.eventId()).append("topic", event.topic()).append("type", event.type())
                .append("subject", event.subject()).append("sequence", event.sequence())
                .append("time", java.util.Date.from(event.time())).append("payload", event.payload());
    }
}
