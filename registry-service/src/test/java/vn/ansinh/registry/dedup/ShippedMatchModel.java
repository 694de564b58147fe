package vn.ansinh.registry.dedup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Makes the model the registry ships with ({@code dedup/match-model.json}): estimated by EM from the
 * tuning population ({@link SyntheticPopulation}, fixed seed), never from the held-out ones. Run
 * {@code main} to write it again after changing the comparison levels.
 */
final class ShippedMatchModel {

    static final long SEED = 20261123L;
    static final Instant AT = Instant.parse("2026-11-30T00:00:00Z");

    private ShippedMatchModel() {
    }

    static MatchModel estimate() {
        List<HouseholdProfile> population = new SyntheticPopulation(SEED).generate(20_000, 0.08, 40).households();
        return MatchModelTraining.estimate(population, SEED, "generated tuning population (SyntheticPopulation, 20,000 households)", AT);
    }

    public static void main(String[] args) throws Exception {
        MatchModel model = estimate();
        Path out = Path.of(args.length > 0 ? args[0] : "registry-service/src/main/resources/dedup/match-model.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, model.toDocument().toJson(org.bson.json.JsonWriterSettings.builder().indent(true).build()));
        model.describe().forEach(System.out::println);
        System.out.println("lambda " + model.lambda() + " from " + model.pairs() + " pairs");
    }
}
