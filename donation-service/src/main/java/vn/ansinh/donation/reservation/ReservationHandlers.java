package vn.ansinh.donation.reservation;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.platform.events.EventHandlers;

/** Binding {@code campaigns-in-0}: distribution-service's campaign events, in order per campaign. */
@Configuration(proxyBeanMethods = false)
class ReservationHandlers {

    @Bean
    Consumer<Message<byte[]>> campaigns(CampaignReservations reservations, JsonMapper json) {
        return EventHandlers.with(json)
                .handle(EventTypes.CAMPAIGN_RESERVATION_REQUESTED, CampaignReservationRequested.class,
                        (event, request) -> reservations.reserve(request))
                .handle(EventTypes.DELIVERY_RECORDED, DeliveryRecorded.class, (event, delivery) -> reservations.spend(delivery))
                .handle(EventTypes.DELIVERY_REVERTED, DeliveryReverted.class, (event, reverted) -> reservations.giveBack(reverted))
                .handle(EventTypes.CAMPAIGN_CLOSED, CampaignClosed.class, (event, closed) -> reservations.close(closed))
                .build();
    }
}
