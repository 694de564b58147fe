package vn.ansinh.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.AdminUnitRecorded;

/** Publishes CloudEvents as another service would, to drive a consumer under test (or to poison it). */
public final class TestEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, byte[]> producer;

    private TestEvents() {
    }

    /** Sends one event with a fresh {@code ce_id}. */
    public static void publish(String topic, String type, String subject, long sequence, Object payload) {
        publish(topic, UUID.randomUUID().toString(), type, subject, sequence, JSON.writeValueAsBytes(payload));
    }

    /** Sends raw bytes with full control of the envelope: for redelivery (same id) and poison messages. */
    public static void publish(String topic, String eventId, String type, String subject, long sequence, byte[] payload) {
        try {
            producer().send(new ProducerRecord<>(topic, null, subject, payload, headers(eventId, type, subject, sequence)))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One event of a batch: its subject (the record key), sequence and payload. */
    public record Outgoing(String subject, long sequence, Object payload) {
    }

    /**
     * Sends many events of one type at once (a province's households) and waits until the broker has
     * taken every one: one round trip per batch, not per event.
     */
    public static void publishAll(String topic, String type, java.util.List<Outgoing> events) {
        java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (Outgoing event : events) {
            sent.add(producer().send(new ProducerRecord<>(topic, null, event.subject(), JSON.writeValueAsBytes(event.payload()),
                    headers(UUID.randomUUID().toString(), type, event.subject(), event.sequence()))));
        }
        producer().flush();
        try {
            for (java.util.concurrent.Future<?> one : sent) {
                one.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CloudEvents envelope the platform's publishers put on every record. */
    private static RecordHeaders headers(String eventId, String type, String subject, long sequence) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, "ce_id", eventId);
        put(headers, "ce_specversion", "1.0");
        put(headers, "ce_source", "/test");
        put(headers, "ce_type", type);
        put(headers, "ce_subject", subject);
        put(headers, "ce_time", Instant.now().toString());
        put(headers, "ce_sequence", Long.toString(sequence));
        put(headers, "content-type", "application/json");
        return headers;
    }

    /** Plays the registry: publishes a unit tree so that services under test can check office scopes. */
    public static void publishUnit(String code, String name, String level, String parentCode) {
        publishUnit(code, name, level, parentCode, null);
    }

    /** A unit that a reorganisation merged into {@code mergedInto} (null: a unit that stands). */
    public static void publishUnit(String code, String name, String level, String parentCode, String mergedInto) {
        publish(Topics.ADMIN_UNITS.name(), EventTypes.ADMIN_UNIT_RECORDED, code, 0,
                new AdminUnitRecorded(code, name, level, parentCode, null, null, code.split("@")[0], mergedInto));
    }

    /** Hồ Chí Minh City with Củ Chi district (two of its communes) and Quận 1 (Cầu Kho ward). */
    public static void publishDemoUnits() {
        publishUnit("79", "Thành phố Hồ Chí Minh", "PROVINCE", null);
        publishUnit("783", "Huyện Củ Chi", "DISTRICT", "79");
        publishUnit("27547", "Xã Tân Thạnh Đông", "COMMUNE", "783");
        publishUnit("27496", "Thị trấn Củ Chi", "COMMUNE", "783");
        publishUnit("760", "Quận 1", "DISTRICT", "79");
        publishUnit("26761", "Phường Cầu Kho", "COMMUNE", "760");
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        return producer;
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
