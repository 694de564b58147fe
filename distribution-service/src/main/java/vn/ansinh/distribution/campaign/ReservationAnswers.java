package vn.ansinh.distribution.campaign;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.EventTracing;

/** Binding {@code reservations-in-0}: donation-service's answers to the campaigns' reservation requests. */
@Configuration(proxyBeanMethods = false)
class ReservationAnswers {

    @Bean
    Consumer<Message<byte[]>> reservations(ReservationDeadline campaigns, JsonMapper json, EventTracing tracing) {
        return EventHandlers.with(json, tracing)
                .handle(Events.RESERVATION_CONFIRMED,
                        (event, answer) -> campaigns.reservationAnswered(answer.campaignId(), true, null, null))
                .handle(Events.RESERVATION_REJECTED,
                        (event, answer) -> campaigns.reservationAnswered(answer.campaignId(), false, answer.reason(), answer.detail()))
                .build();
    }
}
