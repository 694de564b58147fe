package vn.ansinh.distribution.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The draw: in proportion by commune, never more than there is, and the same again from the same seed. */
class StratifiedSampleTest {

    private static final Map<String, List<String>> DELIVERIES = Map.of(
            "27547", ids("a", 70), "27496", ids("b", 20), "27550", ids("c", 10));

    @Test
    void eachCommuneGetsItsShareAndTheSameSeedDrawsTheSameDeliveries() {
        List<StratifiedSample.Stratum> drawn = StratifiedSample.draw(DELIVERIES, 15, 42);

        assertThat(drawn).extracting(StratifiedSample.Stratum::unitCode).containsExactly("27496", "27547", "27550");
        // 15 × 70/100 = 10.5, × 20/100 = 3, × 10/100 = 1.5: the half goes to the larger remainder first, then by code.
        assertThat(drawn).extracting(s -> s.drawn().size()).containsExactly(3, 11, 1);
        assertThat(StratifiedSample.draw(DELIVERIES, 15, 42)).isEqualTo(drawn);
        assertThat(StratifiedSample.draw(DELIVERIES, 15, 43)).isNotEqualTo(drawn);
        drawn.forEach(stratum -> assertThat(DELIVERIES.get(stratum.unitCode())).containsAll(stratum.drawn()));
    }

    @Test
    void aSampleLargerThanTheDeliveriesTakesThemAll() {
        List<StratifiedSample.Stratum> drawn = StratifiedSample.draw(DELIVERIES, 1_000, 7);

        assertThat(drawn.stream().mapToInt(s -> s.drawn().size()).sum()).isEqualTo(100);
        assertThat(drawn.stream().flatMap(s -> s.drawn().stream()).distinct().count()).isEqualTo(100);
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
