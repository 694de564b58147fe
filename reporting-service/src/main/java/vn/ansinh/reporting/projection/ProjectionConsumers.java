package vn.ansinh.reporting.projection;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.reporting.live.DashboardUpdates;

/**
 * The live consumers, one per topic, bound by configuration. Each hands the event to the shared
 * projections and, when a figure may have changed, tells the dashboard stream.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConsumers {

    @Bean
    Consumer<Message<byte[]>> households(ReportingProjections projections, MongoReadModelStore store, DashboardUpdates updates,
                                         MeterRegistry meters) {
        return live(projections, store, updates, meters);
    }

    @Bean
    Consumer<Message<byte[]>> needs(ReportingProjections projections, MongoReadModelStore store, DashboardUpdates updates,
                                    MeterRegistry meters) {
        return live(projections, store, updates, meters);
    }

    @Bean
    Consumer<Message<byte[]>> funds(ReportingProjections projections, MongoReadModelStore store, DashboardUpdates updates,
                                    MeterRegistry meters) {
        return live(projections, store, updates, meters);
    }

    @Bean
    Consumer<Message<byte[]>> donations(ReportingProjections projections, MongoReadModelStore store, DashboardUpdates updates,
                                        MeterRegistry meters) {
        return live(projections, store, updates, meters);
    }

    @Bean
    Consumer<Message<byte[]>> campaigns(ReportingProjections projections, MongoReadModelStore store, DashboardUpdates updates,
                                        MeterRegistry meters) {
        return live(projections, store, updates, meters);
    }

    @Bean
    Consumer<Message<byte[]>> reservations(ReportingProjections projections, MongoReadModelStore store,
                                           DashboardUpdates updates, MeterRegistry meters) {
        return live(projections, store, updates, meters);
    }

    private static Consumer<Message<byte[]>> live(ReportingProjections projections, ReadModelStore store,
                                                  DashboardUpdates updates, MeterRegistry meters) {
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            boolean changed = projections.apply(event, store);
            Counter.builder("ansinh.events.consumed").tag("type", event.type())
                    .tag("outcome", changed ? "applied" : "ignored").register(meters).increment();
            if (changed) {
                updates.changed();
            }
        };
    }
}
