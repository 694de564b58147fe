package vn.ansinh.reporting.projection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The Kafka consumer groups that feed the read models, as the broker sees them: shared by every
 * reporting instance, so they tell one instance what the others do. Their committed offsets move
 * only after a projection has written (whichever instance wrote), and their members are the live
 * consumers of every instance.
 */
@Component
public class ProjectionGroups implements DisposableBean {

    /** The bindings whose consumers write read models (the unit tree's binding only caches units). */
    public static final List<String> BINDINGS = List.of("households-in-0", "needs-in-0", "funds-in-0",
            "donations-in-0", "campaigns-in-0", "reservations-in-0", "unitStatistics-in-0");
    private static final long TIMEOUT_SECONDS = 2;

    private final KafkaAdmin kafkaAdmin;
    private final BindingServiceProperties bindings;
    private Admin admin;

    public ProjectionGroups(KafkaAdmin kafkaAdmin, BindingServiceProperties bindings) {
        this.kafkaAdmin = kafkaAdmin;
        this.bindings = bindings;
    }

    /** The destination topic of a binding. */
    public String topicOf(String binding) {
        return bindings.getBindingProperties(binding).getDestination();
    }

    private List<String> groups() {
        return BINDINGS.stream().map(binding -> bindings.getBindingProperties(binding).getGroup()).toList();
    }

    /**
     * Per binding, the sum of its group's committed offsets: it grows whenever any instance has
     * projected events of that binding's topic.
     *
     * @throws Exception when the broker does not answer within two seconds
     */
    public Map<String, Long> committedByBinding() throws Exception {
        Map<String, String> bindingOf = BINDINGS.stream()
                .collect(Collectors.toMap(binding -> bindings.getBindingProperties(binding).getGroup(), binding -> binding));
        Map<String, ListConsumerGroupOffsetsSpec> specs = bindingOf.keySet().stream()
                .collect(Collectors.toMap(group -> group, group -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Long> committed = new java.util.HashMap<>();
        admin().listConsumerGroupOffsets(specs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((group, offsets) ->
                committed.put(bindingOf.get(group),
                        offsets.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum()));
        return committed;
    }

    /** How many consumers this instance runs in the groups while its bindings are started. */
    public int ownConsumers() {
        return BINDINGS.stream().mapToInt(binding -> {
            var consumer = bindings.getBindingProperties(binding).getConsumer();
            return consumer == null ? 1 : Math.max(1, consumer.getConcurrency());
        }).sum();
    }

    /**
     * How many consumers are members of the groups now. A consumer of an instance killed without a
     * goodbye stays a member until its session times out (45 seconds by default).
     *
     * @throws Exception when the broker does not answer within two seconds
     */
    public int liveConsumers() throws Exception {
        Collection<ConsumerGroupDescription> groups = admin().describeConsumerGroups(groups()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values();
        return groups.stream().mapToInt(group -> group.members().size()).sum();
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
