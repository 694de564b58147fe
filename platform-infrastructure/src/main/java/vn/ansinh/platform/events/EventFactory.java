package vn.ansinh.platform.events;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventType;

/** Turns a payload record into an {@link OutboxEvent} ready to be stored with its aggregate. */
public class EventFactory {

    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final EventTracing tracing;

    public EventFactory(JsonMapper jsonMapper, Clock clock) {
        this(jsonMapper, clock, EventTracing.NONE);
    }

    public EventFactory(JsonMapper jsonMapper, Clock clock, EventTracing tracing) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** The event of a type, with the payload that type carries (a wrong pairing does not compile). */
    public <P> OutboxEvent create(EventType<P> type, String aggregateId, long aggregateVersion, P payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic().name(), type.name(), aggregateId, aggregateVersion,
                clock.instant(), jsonMapper.writeValueAsString(payload), tracing.currentTraceparent());
    }
}
