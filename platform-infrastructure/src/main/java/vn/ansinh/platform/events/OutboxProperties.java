package vn.ansinh.platform.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections  the MongoDB collections whose documents carry an {@code outbox} array
 * @param source       CloudEvents source of this service, e.g. {@code /registry-service}
 * @param pollInterval how often the relay looks for pending events when nobody woke it up
 * @param batchSize    documents handled per relay round
 */
@ConfigurationProperties("ansinh.outbox")
public record OutboxProperties(List<String> collections, String source, Duration pollInterval, Integer batchSize) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
    }
}
