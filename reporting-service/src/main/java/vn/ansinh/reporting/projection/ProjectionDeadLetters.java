package vn.ansinh.reporting.projection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import vn.ansinh.platform.deadletter.DeadLetters;
import vn.ansinh.platform.events.CloudEventHeaders;

/**
 * Parks an event the projections cannot read in its binding's dead-letter topic, with the headers
 * the binder itself would write (original topic, partition and offset, the exception), so the
 * operators' dead-letter page lists and replays it like any other. Sent and acknowledged before
 * the batch's offsets are committed: a crash does not lose it.
 */
@Component
class ProjectionDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final DeadLetters deadLetters;

    ProjectionDeadLetters(KafkaTemplate<String, byte[]> outboxKafkaTemplate, DeadLetters deadLetters) {
        this.kafka = outboxKafkaTemplate;
        this.deadLetters = deadLetters;
    }

    void send(String binding, EventPosition at, Object key, Map<String, Object> headers, byte[] payload, Exception cause) {
        String topic = deadLetters.dlqTopicOf(binding);
        RecordHeaders out = new RecordHeaders();
        for (String name : new String[] {CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.SEQUENCE, CloudEventHeaders.TIME}) {
            String value = ProjectionConsumers.text(headers.get(name));
            if (value != null) {
                out.add(name, value.getBytes(StandardCharsets.UTF_8));
            }
        }
        out.add("x-original-topic", at.topic().getBytes(StandardCharsets.UTF_8));
        out.add("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(at.partition()).array());
        out.add("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(at.offset()).array());
        out.add("x-exception-fqcn", cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
        out.add("x-exception-message", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(new ProducerRecord<>(topic, 0, ProjectionConsumers.text(key), payload, out)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering an event", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("An unreadable event could not be dead-lettered; the batch is tried again", e);
        }
        log.warn("An unreadable {} event ({}-{}@{}) went to {}: {}", ProjectionConsumers.text(headers.get(CloudEventHeaders.TYPE)),
                at.topic(), at.partition(), at.offset(), topic, cause.getMessage());
    }
}
