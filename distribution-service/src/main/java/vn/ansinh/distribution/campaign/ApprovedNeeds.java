package vn.ansinh.distribution.campaign;

import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.EventTracing;
import vn.ansinh.platform.events.VersionedProjection;

/**
 * Binding {@code needs-in-0}: the needs residents reported and officers approved, with the household
 * they belong to, so that a campaign can take "households with an approved need for food".
 */
@Configuration(proxyBeanMethods = false)
class ApprovedNeeds {

    static final String COLLECTION = "approved_needs";

    @Bean
    Consumer<Message<byte[]>> needs(VersionedProjection projection, JsonMapper json, EventTracing tracing) {
        return EventHandlers.with(json, tracing)
                .handle(Events.NEED_APPROVED, (event, need) -> projection.apply(COLLECTION, event,
                        new Document("householdId", need.householdId()).append("unitCode", need.unitCode())
                                .append("kinds", need.kinds())))
                .build();
    }
}
