package vn.ansinh.platform.events;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/** Builds the thin consumer functions that Spring Cloud Stream binds to topics. */
public final class EventHandlers {

    private EventHandlers() {
    }

    /**
     * A consumer that reads the envelope, and for events of {@code type} the payload, and hands both
     * to {@code handler}. Other types on the same topic are skipped: a consumer ignores what it does
     * not know, so producers can add event types without breaking it.
     */
    public static <T> Consumer<Message<byte[]>> on(JsonMapper json, String type, Class<T> payloadType,
                                                   BiConsumer<IncomingEvent, T> handler) {
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            if (type.equals(event.type())) {
                handler.accept(event, event.payloadAs(json, payloadType));
            }
        };
    }
}
