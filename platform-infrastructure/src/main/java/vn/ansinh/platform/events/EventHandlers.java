package vn.ansinh.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventType;

/**
 * Builds the thin consumer functions that Spring Cloud Stream binds to topics: read the envelope,
 * and for each known event type the payload, and hand both to a handler. Types a consumer does not
 * know are skipped, so producers can add event types without breaking it.
 */
public final class EventHandlers {

    private final JsonMapper json;
    private final EventTracing tracing;
    private final Map<String, Consumer<IncomingEvent>> byType = new HashMap<>();

    private EventHandlers(JsonMapper json, EventTracing tracing) {
        this.json = json;
        this.tracing = tracing;
    }

    /** Handlers that continue each event's trace (the request that caused it) while they handle it. */
    public static EventHandlers with(JsonMapper json, EventTracing tracing) {
        return new EventHandlers(json, tracing);
    }

    /** A consumer for a topic on which this service needs only one event type. */
    public static <T> Consumer<Message<byte[]>> on(JsonMapper json, EventTracing tracing, EventType<T> type,
                                                   BiConsumer<IncomingEvent, T> handler) {
        return with(json, tracing).handle(type, handler).build();
    }

    /** Handles events of {@code type}, read as the payload class the type carries. */
    public <T> EventHandlers handle(EventType<T> type, BiConsumer<IncomingEvent, T> handler) {
        byType.put(type.name(), event -> handler.accept(event, event.payloadAs(json, type.payload())));
        return this;
    }

    public Consumer<Message<byte[]>> build() {
        Map<String, Consumer<IncomingEvent>> handlers = Map.copyOf(byType);
        return message -> {
            IncomingEvent event = IncomingEvent.from(message);
            Consumer<IncomingEvent> handler = handlers.get(event.type());
            if (handler != null) {
                tracing.continued(EventTracing.traceparentOf(message.getHeaders()::get), "consume " + event.type(),
                        () -> handler.accept(event));
            }
        };
    }
}
