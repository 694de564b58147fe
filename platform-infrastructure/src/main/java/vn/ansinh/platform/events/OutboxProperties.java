package vn.ansinh.platform.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  the MongoDB collections whose documents carry an {@code outbox} array
 * @param source       CloudEvents source of this service, e.g. {@code /registry-service}
 * @param pollInterval  how long the relay waits for hand-overs before it checks again
 * @param batchSize     aggregates handled per send-and-remove round
 * @param sweepInterval how often each collection is scanned for events nobody handed over (after a crash)
 */
@ConfigurationProperties("ansinh.outbox")
public record OutboxProperties(List<String> collections, String source, Duration pollInterval, Integer batchSize,
                               Duration sweepInterval) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
    }
}
