package vn.ansinh.platform.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes, per consumer binding of this service, the consumer-group lag and the number of
 * records in its dead-letter topic ({@code ansinh.consumer.lag}, {@code ansinh.dlq.records}).
 * Read from the broker with the admin client, so the figures are true even while the consumer is down.
 */
public class EventFlowMonitor {

    private static final Logger log = LoggerFactory.getLogger(EventFlowMonitor.class);

    private final KafkaAdmin kafkaAdmin;
    private final BindingServiceProperties bindings;
    private final Environment environment;
    private final MeterRegistry meters;
    private final Map<String, Long> lagByGroupTopic = new ConcurrentHashMap<>();
    private final Map<String, Long> dlqRecords = new ConcurrentHashMap<>();

    public EventFlowMonitor(KafkaAdmin kafkaAdmin, BindingServiceProperties bindings,
                            Environment environment, MeterRegistry meters) {
        this.kafkaAdmin = kafkaAdmin;
        this.bindings = bindings;
        this.environment = environment;
        this.meters = meters;
    }

    @Scheduled(initialDelayString = "${ansinh.metrics.kafka-poll:PT15S}", fixedDelayString = "${ansinh.metrics.kafka-poll:PT15S}")
    public void refresh() {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (Map.Entry<String, BindingProperties> entry : bindings.getBindings().entrySet()) {
                BindingProperties binding = entry.getValue();
                if (binding.getGroup() == null || binding.getDestination() == null || !entry.getKey().contains("-in-")) {
                    continue;
                }
                refreshLag(admin, binding.getGroup(), binding.getDestination());
                // The binder's own Kafka binding properties live in its child context; read the names from the environment.
                String dlqName = environment.getProperty("spring.cloud.stream.kafka.bindings." + entry.getKey() + ".consumer.dlq-name");
                if (dlqName != null) {
                    refreshDlq(admin, dlqName);
                }
            }
        } catch (Exception e) {
            log.debug("Could not read consumer lag from the broker: {}", e.toString());
        }
    }

    private void refreshLag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = new HashSet<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endOffsets(admin, partitions);
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            lag += ends.get(partition).offset() - (position == null ? 0 : position.offset());
        }
        String key = group + "|" + topic;
        if (lagByGroupTopic.put(key, lag) == null) {
            Gauge.builder("ansinh.consumer.lag", () -> lagByGroupTopic.getOrDefault(key, 0L))
                    .description("Records in the topic not yet processed by the group")
                    .tags("group", group, "topic", topic).register(meters);
        }
    }

    private void refreshDlq(Admin admin, String dlqTopic) throws Exception {
        Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
        long records = 0;
        if (existing.contains(dlqTopic)) {
            Set<TopicPartition> partitions = new HashSet<>();
            admin.describeTopics(List.of(dlqTopic)).allTopicNames().get(5, TimeUnit.SECONDS).get(dlqTopic).partitions()
                    .forEach(p -> partitions.add(new TopicPartition(dlqTopic, p.partition())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endOffsets(admin, partitions);
            records = ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
        if (dlqRecords.put(dlqTopic, records) == null) {
            Gauge.builder("ansinh.dlq.records", () -> dlqRecords.getOrDefault(dlqTopic, 0L))
                    .description("Records parked in the dead-letter topic").tag("topic", dlqTopic).register(meters);
        }
    }

    private static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> endOffsets(
            Admin admin, Set<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
    }
}
