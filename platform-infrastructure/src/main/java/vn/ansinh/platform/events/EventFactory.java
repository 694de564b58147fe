package vn.ansinh.platform.events;

import java.time.Clock;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.Topic;

/** Turns a payload record into an {@link OutboxEvent} ready to be stored with its aggregate. */
public class EventFactory {

    private final JsonMapper jsonMapper;
    private final Clock clock;

    public EventFactory(JsonMapper jsonMapper, Clock clock) {
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    public OutboxEvent create(Topic topic, String type, String aggregateId, long aggregateVersion, Object payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic.name(), type, aggregateId, aggregateVersion,
                clock.instant(), jsonMapper.writeValueAsString(payload));
    }
}
