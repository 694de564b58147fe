package vn.ansinh.donation.reservation;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.EventTracing;

/** Binding {@code campaigns-in-0}: distribution-service's campaign events, in order per campaign. */
@Configuration(proxyBeanMethods = false)
class ReservationHandlers {

    @Bean
    Consumer<Message<byte[]>> campaigns(CampaignReservations reservations, CampaignNames names, JsonMapper json, EventTracing tracing) {
        return EventHandlers.with(json, tracing)
                .handle(Events.CAMPAIGN_APPROVED, (event, approved) -> names.remember(approved))
                .handle(Events.CAMPAIGN_RESERVATION_REQUESTED,
                        (event, request) -> reservations.reserve(request))
                .handle(Events.DELIVERY_RECORDED, (event, delivery) -> reservations.spend(delivery))
                .handle(Events.DELIVERY_REVERTED, (event, reverted) -> reservations.giveBack(reverted))
                .handle(Events.CAMPAIGN_CLOSED, (event, closed) -> reservations.close(closed))
                .build();
    }
}
