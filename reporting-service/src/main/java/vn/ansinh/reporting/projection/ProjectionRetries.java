package vn.ansinh.reporting.projection;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A failed batch of the projection consumers is tried again until it succeeds, backing off up to
 * ten seconds: a failure here is the database or the broker being away (unreadable events are
 * dead-lettered one by one, never failing the batch), and a read model must not skip events. The
 * binder's own handler for batches would send the whole batch to the dead-letter topic instead.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionRetries {

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> projectionBatchesRetried(BindingServiceProperties bindings) {
        Set<String> groups = ProjectionGroups.BINDINGS.stream().map(binding -> bindings.getBindingProperties(binding).getGroup())
                .collect(Collectors.toSet());
        return (container, destination, group) -> {
            if (groups.contains(group)) {
                ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
                backOff.setMaxInterval(10_000);
                container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            }
        };
    }
}
