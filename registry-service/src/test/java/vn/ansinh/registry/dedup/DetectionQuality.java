package vn.ansinh.registry.dedup;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the registry's duplicate detection (its blocking keys, finder and scorer, over an in-memory
 * index) on a population, registering households in batches as the registry does (1 for a single
 * registration, 500 for an import), and measures what an office would see.
 */
final class DetectionQuality {

    private DetectionQuality() {
    }

    /**
     * @param precision      share of the opened cases that are a family entered twice
     * @param recall         share of the families entered twice that open a case
     * @param blockingRecall share of the true pairs that share at least one blocking key (the ceiling of recall)
     */
    record Result(String population, int batchSize, int households, int truePairs, int cases, double precision, double recall,
                  double blockingRecall) {

        @Override
        public String toString() {
            return String.format("%s (batch %d): %d households, %d true pairs, %d cases — precision %.3f, recall %.3f, "
                    + "blocking recall %.3f", population, batchSize, households, truePairs, cases, precision, recall, blockingRecall);
        }
    }

    static Result measure(HeldOutPopulations.Population population, int batchSize, MatchModel model) {
        MatchScorer scorer = new MatchScorer(model);
        DuplicateDetectionQualityTest.InMemoryIndex index = new DuplicateDetectionQualityTest.InMemoryIndex();
        Map<String, HouseholdProfile> stored = new HashMap<>();
        DuplicateFinder finder = new DuplicateFinder(index, ids -> ids.stream().filter(stored::containsKey)
                .collect(Collectors.toMap(id -> id, stored::get)), () -> scorer);
        List<HouseholdProfile> all = population.households().stream().map(HeldOutPopulations.Typed::profile).toList();
        Set<String> cases = new HashSet<>();
        for (int from = 0; from < all.size(); from += batchSize) {
            List<HouseholdProfile> batch = all.subList(from, Math.min(all.size(), from + batchSize));
            for (DuplicateFinder.Candidate candidate : finder.fileAndFind(batch)) {
                if (candidate.match().score() >= MatchScorer.CASE_THRESHOLD) {
                    cases.add(pair(candidate.householdId(), candidate.otherHouseholdId()));
                }
            }
            batch.forEach(h -> stored.put(h.householdId(), h));
        }
        Map<String, HouseholdProfile> byId = new HashMap<>();
        all.forEach(h -> byId.put(h.householdId(), h));
        Set<String> truth = population.truePairs().stream().map(p -> pair(p[0], p[1])).collect(Collectors.toSet());
        long blocked = population.truePairs().stream()
                .filter(p -> BlockingKeys.of(byId.get(p[0])).meet(BlockingKeys.of(byId.get(p[1])))).count();
        long found = cases.stream().filter(truth::contains).count();
        return new Result(population.name(), batchSize, all.size(), truth.size(), cases.size(),
                cases.isEmpty() ? 1 : (double) found / cases.size(), (double) found / truth.size(),
                (double) blocked / truth.size());
    }

    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
