package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Precision and recall of duplicate detection on 20,000 made-up households (fixed seed) of which about
 * 8% were entered a second time with the usual mistakes. The same blocking keys and scorer as the
 * registry, over an in-memory index, batch by batch as an import would feed them.
 */
class DuplicateDetectionQualityTest {

    static final MatchScorer SCORER = new MatchScorer(MatchModel.shipped());

    @Test
    void findsNearlyEveryHouseholdEnteredTwiceAndRaisesFewFalseCases() {
        SyntheticPopulation.Population population = new SyntheticPopulation(20261123L).generate(20_000, 0.08, 40);
        InMemoryIndex index = new InMemoryIndex();
        Map<String, HouseholdProfile> stored = new HashMap<>();
        DuplicateFinder finder = new DuplicateFinder(index, ids -> ids.stream().filter(stored::containsKey)
                .collect(Collectors.toMap(id -> id, stored::get)), () -> SCORER);

        Set<String> cases = new HashSet<>();
        List<HouseholdProfile> all = population.households();
        for (int from = 0; from < all.size(); from += 500) {
            List<HouseholdProfile> batch = all.subList(from, Math.min(all.size(), from + 500));
            for (DuplicateFinder.Candidate candidate : finder.fileAndFind(batch)) {
                if (candidate.match().score() >= MatchScorer.CASE_THRESHOLD) {
                    cases.add(pairKey(candidate.householdId(), candidate.otherHouseholdId()));
                }
            }
            batch.forEach(h -> stored.put(h.householdId(), h));
        }

        Set<String> truth = population.truePairs().stream().map(p -> pairKey(p.original(), p.copy())).collect(Collectors.toSet());
        long truePositives = cases.stream().filter(truth::contains).count();
        double precision = (double) truePositives / cases.size();
        double recall = (double) truePositives / truth.size();
        System.out.printf("Duplicate detection on %d households, %d true pairs: %d cases, precision %.3f, recall %.3f, "
                + "%d block entries read (all pairs would be %d)%n", all.size(), truth.size(), cases.size(), precision, recall, index.lookups,
                (long) all.size() * (all.size() - 1) / 2);
        assertThat(truth).hasSizeGreaterThan(1_000);
        assertThat(precision).as("share of opened cases that are real duplicates").isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("share of real duplicates that open a case").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void nameWithoutDiacriticsAndSwappedDayAndMonthIsStillTheSamePerson() {
        HouseholdProfile typedWell = HouseholdProfile.of("a", "27547", "Ấp Cây Sộp", "0912345678",
                List.of(HouseholdProfile.Person.of("Nguyễn Thị Bảy", java.time.LocalDate.of(1958, 3, 2), null)));
        HouseholdProfile typedFast = HouseholdProfile.of("b", "26761", null, null,
                List.of(HouseholdProfile.Person.of("nguyen thi  bay", java.time.LocalDate.of(1958, 2, 3), null)));

        MatchScorer.Match match = SCORER.score(typedFast, typedWell);

        assertThat(match.score()).isGreaterThanOrEqualTo(MatchScorer.CASE_THRESHOLD);
        assertThat(match.reasons()).containsExactly(MatchReason.NAME_AND_SWAPPED_BIRTH_DATE);
    }

    @Test
    void twoPeopleWithTheSameNameAndDateButDifferentCitizenIdsAreNotADuplicate() {
        HouseholdProfile first = HouseholdProfile.of("a", "27547", null, null,
                List.of(HouseholdProfile.Person.of("Nguyễn Văn An", java.time.LocalDate.of(1980, 5, 6), "079080000001")));
        HouseholdProfile second = HouseholdProfile.of("b", "26761", null, null,
                List.of(HouseholdProfile.Person.of("Nguyễn Văn An", java.time.LocalDate.of(1980, 5, 6), "001080000002")));

        assertThat(SCORER.score(first, second).score()).isLessThan(MatchScorer.CANDIDATE_THRESHOLD);
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** The blocking index kept in a map, as the Mongo one keeps it in documents keyed by blocking key. */
    static final class InMemoryIndex implements BlockingIndex {
        final Map<String, Set<String>> blocks = new HashMap<>();
        long lookups;

        @Override
        public Set<String> add(Map<String, Set<String>> householdsByKey, Map<String, Set<String>> known, Set<String> lookedUp) {
            householdsByKey.forEach((key, ids) -> blocks.computeIfAbsent(key, k -> new HashSet<>()).addAll(ids));
            return Set.of();
        }

        @Override
        public Map<String, Set<String>> lookup(Set<String> keys) {
            Map<String, Set<String>> found = new HashMap<>();
            keys.forEach(key -> {
                Set<String> block = blocks.get(key);
                if (block != null) {
                    found.put(key, block);
                    lookups += block.size();
                }
            });
            return found;
        }

        @Override
        public void remove(HouseholdProfile household) {
            BlockingKeys.of(household).filed().forEach(key -> blocks.getOrDefault(key, new HashSet<>()).remove(household.householdId()));
        }
    }
}
