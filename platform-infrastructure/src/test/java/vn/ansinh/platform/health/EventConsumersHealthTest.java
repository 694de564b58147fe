package vn.ansinh.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/** A consumer stopped by an error makes the service unhealthy and not live; a normal stop does not. */
class EventConsumersHealthTest {

    @Test
    void aConsumerStoppedByAnErrorIsReportedAndBreaksLiveness() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(ApplicationAvailabilityBean.class);
            context.refresh();
            EventConsumersHealth health = new EventConsumersHealth(context);

            health.consumerStopped(new ConsumerStoppedEvent(this, "households-container", ConsumerStoppedEvent.Reason.NORMAL));
            assertThat(health.health().getStatus()).as("a stop on purpose").isEqualTo(Status.UP);

            health.consumerStopped(new ConsumerStoppedEvent(this, "households-container", ConsumerStoppedEvent.Reason.ERROR));
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails().toString()).contains("ERROR");
            assertThat(context.getBean(ApplicationAvailabilityBean.class).getLivenessState()).isEqualTo(LivenessState.BROKEN);
        }
    }
}
