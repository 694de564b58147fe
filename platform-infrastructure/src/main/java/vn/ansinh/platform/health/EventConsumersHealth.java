package vn.ansinh.platform.health;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * A service whose event consumer stopped on an error (an OutOfMemoryError in a listener thread stops
 * its container for good) is not healthy, even though its web side still answers: this indicator goes
 * DOWN and the service declares its liveness BROKEN, so the orchestrator restarts it instead of leaving
 * it half-alive. A consumer stopped on purpose (shutdown, a rebuild's pause) changes nothing.
 */
public class EventConsumersHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EventConsumersHealth.class);

    private final ApplicationContext context;
    private final Map<String, String> stoppedOnError = new ConcurrentHashMap<>();

    public EventConsumersHealth(ApplicationContext context) {
        this.context = context;
    }

    @EventListener
    public void consumerStopped(ConsumerStoppedEvent stopped) {
        if (stopped.getReason() == ConsumerStoppedEvent.Reason.NORMAL) {
            return;
        }
        String consumer = String.valueOf(stopped.getSource());
        stoppedOnError.put(consumer, stopped.getReason().name());
        log.error("Event consumer {} stopped: {}; the service reports itself broken", consumer, stopped.getReason());
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
    }

    @Override
    public Health health() {
        return stoppedOnError.isEmpty() ? Health.up().build() : Health.down().withDetail("stopped", Map.copyOf(stoppedOnError)).build();
    }
}
