package vn.ansinh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** A payload's instants read fast are the instants Jackson's own reader gives, and what it refuses stays refused. */
class EventPayloadInstantsTest {

    record Received(String id, Instant at) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void instantsWrittenByProducersReadAsJacksonReadsThem() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            Instant written = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            byte[] payload = json.writeValueAsBytes(new Received("d-" + i, written));
            assertThat(event(payload).payloadAs(json, Received.class).at()).isEqualTo(written)
                    .isEqualTo(json.readValue(payload, Received.class).at());
        }
    }

    @Test
    void otherFormsNumbersAndNullsAreLeftToJackson() {
        for (String value : new String[] {"\"2026-12-01T11:28:47+07:00\"", "1764563327697", "1764563327.697000000", "null",
                "\"2024-02-29T23:59:59.5Z\"", "\" 2026-12-01T04:28:47Z \""}) {
            byte[] payload = ("{\"id\":\"d\",\"at\":" + value + "}").getBytes(StandardCharsets.UTF_8);
            assertThat(event(payload).payloadAs(json, Received.class).at()).as(value)
                    .isEqualTo(json.readValue(payload, Received.class).at());
        }
    }

    @Test
    void aDayThatDoesNotExistIsRefusedAsAnUnreadablePayload() {
        byte[] payload = "{\"id\":\"d\",\"at\":\"2026-02-30T10:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> event(payload).payloadAs(json, Received.class)).isInstanceOf(InvalidEventException.class);
    }

    private static IncomingEvent event(byte[] payload) {
        Map<String, Object> headers = Map.of(CloudEventHeaders.ID, "e-1", CloudEventHeaders.TYPE, "test.received",
                CloudEventHeaders.SUBJECT, "d", CloudEventHeaders.SEQUENCE, "1", CloudEventHeaders.TIME, "2026-12-01T04:28:47Z");
        return IncomingEvent.from(headers::get, payload);
    }
}
