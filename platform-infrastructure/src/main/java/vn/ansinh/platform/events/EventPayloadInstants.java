package vn.ansinh.platform.events;

import java.time.Instant;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the instants in event payloads. Jackson's own reader parses each with a general ISO
 * formatter, which took over a third of the time a rebuild spent reading a payload; the form
 * producers write ({@link Instant#toString}) is read as {@link EventTimes} reads the time header, and
 * every other value — another form, a number, a null — goes to Jackson's reader, so what a payload
 * may carry does not change.
 */
final class EventPayloadInstants extends ValueDeserializer<Instant> {

    static final SimpleModule MODULE = new SimpleModule("event-payload-instants")
            .addDeserializer(Instant.class, new EventPayloadInstants(InstantDeserializer.INSTANT));

    private final ValueDeserializer<?> standard;

    private EventPayloadInstants(ValueDeserializer<?> standard) {
        this.standard = standard;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        return new EventPayloadInstants(standard.createContextual(context, property));
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant written = EventTimes.producerForm(parser.getString());
            if (written != null) {
                return written;
            }
        }
        return (Instant) standard.deserialize(parser, context);
    }
}
