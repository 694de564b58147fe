package vn.ansinh.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The topics Kubernetes creates are the ones the code declares. */
class KubernetesTopicsTest {

    private static final Path FILE = Path.of("..", "deploy", "kubernetes", "base", "kafka", "topics.yaml");

    @Test
    void theCheckedInTopicsAreTheCodes() throws Exception {
        String generated = KubernetesTopics.yaml();
        String checkedIn = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        if (!generated.equals(checkedIn)) {
            Path fresh = Path.of("target", "topics.yaml");
            Files.writeString(fresh, generated, StandardCharsets.UTF_8);
            throw new AssertionError("deploy/kubernetes/base/kafka/topics.yaml differs from the code's topics. If the change is "
                    + "meant, copy platform-events/" + fresh + " there.");
        }
    }

    @Test
    void everyTopicIsDeclaredWithItsPartitionsAndRetention() {
        String yaml = KubernetesTopics.yaml();
        for (Topic topic : Topics.ALL) {
            assertThat(yaml).contains("  topicName: " + topic.name() + "\n  partitions: " + topic.partitions() + "\n");
        }
        assertThat(yaml).contains("  topicName: registry.admin-units\n  partitions: 1\n  replicas: 3\n  config:\n"
                + "    min.insync.replicas: 2\n    cleanup.policy: compact\n");
        assertThat(yaml).contains("  topicName: donation.intake\n  partitions: 6\n  replicas: 3\n  config:\n"
                + "    min.insync.replicas: 2\n    cleanup.policy: delete\n    retention.ms: 604800000\n");
        assertThat(yaml).contains("  topicName: donation.donations\n  partitions: 6\n  replicas: 3\n  config:\n"
                + "    min.insync.replicas: 2\n    cleanup.policy: delete\n    retention.ms: -1\n");
    }
}
