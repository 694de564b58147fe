package vn.ansinh.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's topics as Strimzi {@code KafkaTopic} resources ({@code deploy/kubernetes/base/kafka/topics.yaml}):
 * partitions, compaction and retention exactly as {@link Topics} declares them, three replicas, two in
 * sync before a write is acknowledged. On Kubernetes the brokers never create a topic themselves, so
 * this file is the only place they come from; a test fails when it and the code differ.
 */
public final class KubernetesTopics {

    public static final String CLUSTER = "ansinh";
    public static final int REPLICAS = 3;

    private KubernetesTopics() {
    }

    public static String yaml() {
        List<Topic> topics = new ArrayList<>(Topics.ALL);
        topics.addAll(Topics.INTERNAL);
        StringBuilder out = new StringBuilder("""
                # Generated from the code's topic list (vn.ansinh.events.Topics) by KubernetesTopics: do not edit here.
                # KubernetesTopicsTest fails when the two differ and writes the fresh file to platform-events/target/.
                """);
        for (Topic topic : topics) {
            out.append("---\n")
                    .append("apiVersion: kafka.strimzi.io/v1beta2\n")
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(topic.name()).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(topic.name()).append('\n')
                    .append("  partitions: ").append(topic.partitions()).append('\n')
                    .append("  replicas: ").append(REPLICAS).append('\n')
                    .append("  config:\n")
                    .append("    min.insync.replicas: 2\n");
            if (topic.compacted()) {
                out.append("    cleanup.policy: compact\n");
            } else {
                out.append("    cleanup.policy: delete\n")
                        .append("    retention.ms: ").append(topic.retentionMs()).append('\n');
            }
        }
        return out.toString();
    }
}
