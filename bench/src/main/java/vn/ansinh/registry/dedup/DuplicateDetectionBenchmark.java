package vn.ansinh.registry.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Duplicate detection's quality and cost, printed:
 * <ol>
 *   <li>precision, recall and the blocking's recall on the two held-out populations of the quality tests
 *   (re-typed entries; whole families under another head), for single registrations and imports of 500,
 *   with the shipped model;</li>
 *   <li>the time to register one household (blocking keys, block look-up, scoring) with 100,000 and
 *   1,000,000 households already registered, in this process over an in-memory blocking index: the
 *   detector's own work, without the database round trips (the import benchmark measures those).</li>
 * </ol>
 * The registered households are made by the re-typed population's generator, spread over one commune
 * per 400 households (as a whole country's poor and near-poor lists would be), 5 % of them entered twice.
 * Usage: {@code java -Xmx14g -cp bench-exec.jar -Dloader.main=vn.ansinh.registry.dedup.DuplicateDetectionBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [sizes...]} (default 100000 1000000).
 */
public final class DuplicateDetectionBenchmark {

    private static final int CHUNK = 50_000;
    private static final int MEASURED = 2_000;

    private DuplicateDetectionBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000} : Arrays.stream(args).mapToInt(Integer::parseInt).sorted().toArray();
        System.out.println("== Quality on the held-out populations (shipped model, case threshold " + MatchScorer.CASE_THRESHOLD + ")");
        for (HeldOutPopulations.Population population : List.of(new HeldOutPopulations(20261130L).retyped(3_000, 0.15, 300),
                new HeldOutPopulations(7_2026L).wholeFamilies(3_000, 0.15))) {
            for (int batch : new int[] {1, 500}) {
                System.out.println(DetectionQuality.measure(population, batch, MatchModel.shipped()));
            }
        }

        System.out.println("== Registration time per household, detector in this process (in-memory blocking index)");
        MatchScorer scorer = new MatchScorer(MatchModel.shipped());
        DuplicateDetectionQualityTest.InMemoryIndex index = new DuplicateDetectionQualityTest.InMemoryIndex();
        Map<String, HouseholdProfile> stored = new HashMap<>();
        AtomicLong compared = new AtomicLong();
        DuplicateFinder finder = new DuplicateFinder(index, ids -> {
            compared.addAndGet(ids.size());
            return ids.stream().filter(stored::containsKey).collect(Collectors.toMap(id -> id, stored::get));
        }, () -> scorer);
        int chunk = 0;
        for (int size : sizes) {
            long fillStart = System.nanoTime();
            int before = stored.size();
            while (stored.size() < size) {
                List<HouseholdProfile> households = generate(chunk++, Math.min(CHUNK, size - stored.size()), 0.05, size);
                for (int from = 0; from < households.size(); from += 2_000) {
                    List<HouseholdProfile> batch = households.subList(from, Math.min(households.size(), from + 2_000));
                    finder.fileAndFind(batch);
                    batch.forEach(h -> stored.put(h.householdId(), h));
                }
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf("%,d registered (%,d filed in batches of 2,000 in %.1f s = %,.0f households/s)%n", stored.size(),
                    stored.size() - before, fillSeconds, (stored.size() - before) / fillSeconds);
            measure(finder, stored, compared, index, generate(chunk++, MEASURED / 2, 1.0, size), size);
        }
        System.exit(0);
    }

    /** Registers the households one at a time, then (as new ones) in an import batch of 500, and prints the times. */
    private static void measure(DuplicateFinder finder, Map<String, HouseholdProfile> stored, AtomicLong compared,
                                DuplicateDetectionQualityTest.InMemoryIndex index, List<HouseholdProfile> newcomers, int size) {
        long[] nanos = new long[newcomers.size()];
        long comparedBefore = compared.get();
        int cases = 0;
        for (int i = 0; i < newcomers.size(); i++) {
            HouseholdProfile household = newcomers.get(i);
            long start = System.nanoTime();
            for (DuplicateFinder.Candidate candidate : finder.fileAndFind(List.of(household))) {
                if (candidate.match().score() >= MatchScorer.CASE_THRESHOLD) {
                    cases++;
                }
            }
            nanos[i] = System.nanoTime() - start;
            stored.put(household.householdId(), household);
        }
        Arrays.sort(nanos);
        int oversized = 0;
        int largest = 0;
        for (HouseholdProfile household : newcomers) {
            for (String key : BlockingKeys.of(household).sought()) {
                int block = index.blocks.getOrDefault(key, Set.of()).size();
                largest = Math.max(largest, block);
                if (block > DuplicateFinder.MAX_BLOCK) {
                    oversized++;
                }
            }
        }
        System.out.printf("at %,d registered, one at a time: mean %.2f ms, p50 %.2f ms, p99 %.2f ms per household; "
                        + "%.0f block-mates read per household; %d cases for %d households (half of them entered twice); "
                        + "largest block %d, keys over %d skipped: %d%n", size,
                Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                (compared.get() - comparedBefore) / (double) newcomers.size(), cases, newcomers.size(), largest,
                DuplicateFinder.MAX_BLOCK, oversized);
        List<HouseholdProfile> batch = new ArrayList<>();
        for (HouseholdProfile household : newcomers) {
            // The same people again under new ids: an import of 500 meets the ones just registered.
            batch.add(HouseholdProfile.of("i" + household.householdId(), household.unitCode(), household.hamletKey(),
                    household.phone(), household.people()));
            if (batch.size() == 500) {
                break;
            }
        }
        long start = System.nanoTime();
        int found = finder.fileAndFind(batch).size();
        System.out.printf("at %,d registered, an import batch of 500: %.2f ms per household (%d candidates)%n", size,
                (System.nanoTime() - start) / 1e6 / batch.size(), found);
        batch.forEach(h -> stored.put(h.householdId(), h));
    }

    /**
     * {@code count} households of the re-typed generator (a share of them entered twice) under ids of
     * their own, spread over one commune per 400 households of the final registry.
     */
    private static List<HouseholdProfile> generate(int chunk, int count, double againShare, int registrySize) {
        int communes = Math.max(21, registrySize / 400);
        HeldOutPopulations.Population population = new HeldOutPopulations(1_000L + chunk)
                .retyped((int) Math.round(count / (1 + againShare)), againShare, 0);
        List<HouseholdProfile> households = new ArrayList<>();
        for (HeldOutPopulations.Typed typed : population.households()) {
            HouseholdProfile profile = typed.profile();
            int commune = Math.floorMod((HeldOutPopulations.CU_CHI_COMMUNES.indexOf(typed.unitCode()) + 21 * chunk) * 7919, communes);
            households.add(HouseholdProfile.of("c" + chunk + "-" + typed.id(), "U" + commune, profile.hamletKey(), profile.phone(),
                    profile.people()));
        }
        return households;
    }
}
