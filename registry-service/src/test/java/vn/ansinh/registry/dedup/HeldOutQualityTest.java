package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Duplicate detection on the two held-out populations (see {@link HeldOutPopulations}), which the
 * shipped model was never estimated on, at the threshold that opens a case, for single registrations
 * (batch 1) and imports (batch 500): precision ≥ 0.98 and recall ≥ 0.95, and every true pair shares a
 * blocking key. The figures of a model re-estimated from each population's own data (unlabelled, as
 * the registry would from its own households) are printed beside them.
 */
class HeldOutQualityTest {

    static final HeldOutPopulations.Population RETYPED = new HeldOutPopulations(20261130L).retyped(3_000, 0.15, 300);
    static final HeldOutPopulations.Population FAMILIES = new HeldOutPopulations(7_2026L).wholeFamilies(3_000, 0.15);

    @Test
    void theShippedModelFindsFamiliesRetypedByAnotherOfficerAndRaisesFewFalseCases() {
        check(RETYPED);
    }

    @Test
    void theShippedModelFindsWholeFamiliesRegisteredAgainUnderAnotherHead() {
        check(FAMILIES);
    }

    private static void check(HeldOutPopulations.Population population) {
        MatchModel own = MatchModelTraining.estimate(population.households().stream().map(HeldOutPopulations.Typed::profile).toList(),
                1L, population.name(), Instant.now());
        for (int batch : new int[] {1, 500}) {
            DetectionQuality.Result shipped = DetectionQuality.measure(population, batch, MatchModel.shipped());
            System.out.println("shipped model: " + shipped);
            System.out.println("model from the population's own data: " + DetectionQuality.measure(population, batch, own));
            assertThat(shipped.truePairs()).isGreaterThan(300);
            assertThat(shipped.blockingRecall()).as("true pairs that share a blocking key").isEqualTo(1.0);
            assertThat(shipped.precision()).as("share of opened cases that are a family entered twice").isGreaterThanOrEqualTo(0.98);
            assertThat(shipped.recall()).as("share of families entered twice that open a case").isGreaterThanOrEqualTo(0.95);
        }
    }
}
