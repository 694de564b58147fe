package vn.ansinh.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import vn.ansinh.events.Topic;
import vn.ansinh.events.Topics;

/**
 * Declares every platform topic with its fixed partition count. Each service declares all of them
 * (creation is idempotent), so services can start in any order.
 */
@Configuration(proxyBeanMethods = false)
public class TopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${ansinh.kafka.replication-factor:1}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream().map(topic -> newTopic(topic, replicationFactor))
                .toArray(NewTopic[]::new));
    }

    /** A topic as the code declares it (partitions, compaction, retention): also for a service's internal topics. */
    public static NewTopic newTopic(Topic topic, short replicationFactor) {
        Map<String, String> configs = new HashMap<>();
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            // Read models are rebuilt from the topics, so business events are kept, not expired.
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs()));
        }
        return new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(configs);
    }
}
