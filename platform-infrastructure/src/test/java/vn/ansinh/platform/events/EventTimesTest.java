package vn.ansinh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The event time read fast says the same as Instant.parse, and refuses what it refuses. */
class EventTimesTest {

    @Test
    void everyTimeAProducerWritesIsReadAsInstantParseReadsIt() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            Instant written = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            // Instant.toString drops trailing zeros in groups of three; cut the fraction at every length too.
            String text = written.toString();
            assertThat(EventTimes.parse(text)).isEqualTo(Instant.parse(text));
            String cut = text.substring(0, 20 + random.nextInt(Math.max(1, text.length() - 21))) + "Z";
            if (!cut.endsWith(".Z")) {
                assertThat(EventTimes.parse(cut)).as(cut).isEqualTo(Instant.parse(cut));
            }
        }
        assertThat(EventTimes.parse("2026-12-01T04:28:47Z")).isEqualTo(Instant.parse("2026-12-01T04:28:47Z"));
        assertThat(EventTimes.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
        assertThat(EventTimes.parse("2026-12-01T11:28:47+07:00")).as("another form goes to the general parser")
                .isEqualTo(Instant.parse("2026-12-01T11:28:47+07:00"));
    }

    @Test
    void whatInstantParseRefusesIsRefusedAndWhatItStretchesIsStretchedTheSameWay() {
        for (String odd : new String[] {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-01T24:00:00Z",
                "2026-12-01T10:60:00Z", "2026-12-01T23:59:60Z", "2026-12-01T10:00:00.Z", "2026-12-01T1a:00:00Z", "yesterday",
                "2026-12-01 10:00:00Z", "2026-12-01T10:00:00.1234567891Z"}) {
            Instant expected;
            try {
                expected = Instant.parse(odd);
            } catch (DateTimeException refused) {
                assertThatThrownBy(() -> EventTimes.parse(odd)).as(odd).isInstanceOf(DateTimeException.class);
                continue;
            }
            assertThat(EventTimes.parse(odd)).as(odd).isEqualTo(expected);
        }
        assertThatThrownBy(() -> EventTimes.parse("2026-02-30T10:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThat(EventTimes.producerForm("2026-02-30T10:00:00Z")).as("not a day: left to the general parser").isNull();
        assertThat(EventTimes.producerForm("2028-02-29T10:00:00Z")).isEqualTo(Instant.parse("2028-02-29T10:00:00Z"));
        assertThat(EventTimes.producerForm("2026-12-01T23:59:60Z")).isNull();
    }
}
