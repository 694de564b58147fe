package vn.ansinh.reporting.projection;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.platform.events.IncomingEvent;

/**
 * The live consumers, one per topic and bound by configuration (Spring Cloud Stream binds a
 * function by its bean name), all the same: hand the event to the shared projections and, when a
 * figure may have changed, tell the dashboard stream.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumers {

    private final ReportingProjections projections;
    private final MongoReadModelStore store;
    private final DashboardUpdates updates;
    private final MeterRegistry meters;

    public ProjectionConsumers(ReportingProjections projections, MongoReadModelStore store, DashboardUpdates updates,
                               MeterRegistry meters) {
        this.projections = projections;
        this.store = store;
        this.updates = updates;
        this.meters = meters;
    }

    @Bean
    Consumer<Message<byte[]>> households() {
        return this::project;
    }

    @Bean
    Consumer<Message<byte[]>> needs() {
        return this::project;
    }

    @Bean
    Consumer<Message<byte[]>> funds() {
        return this::project;
    }

    @Bean
    Consumer<Message<byte[]>> donations() {
        return this::project;
    }

    @Bean
    Consumer<Message<byte[]>> campaigns() {
        return this::project;
    }

    @Bean
    Consumer<Message<byte[]>> reservations() {
        return this::project;
    }

    private void project(Message<byte[]> message) {
        IncomingEvent event = IncomingEvent.from(message);
        boolean changed = projections.apply(event, store);
        Counter.builder("ansinh.events.consumed").tag("type", event.type())
                .tag("outcome", changed ? "applied" : "ignored").register(meters).increment();
        if (changed) {
            updates.changed();
        }
    }
}
