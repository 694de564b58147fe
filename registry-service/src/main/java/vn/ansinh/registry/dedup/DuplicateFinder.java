package vn.ansinh.registry.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds, for a batch of new households, the households already on the registry (in any office) and
 * in the same batch that might be the same. Only households sharing a blocking key are compared.
 * The batch is filed right after the look-up; a key that another registration created in between is
 * looked up again, so two registrations of one family arriving at the same moment still find each other.
 */
public class DuplicateFinder {

    /** A block this large is a key too common to tell anything (a shared office phone): it is skipped. */
    static final int MAX_BLOCK = 500;

    private final BlockingIndex index;
    private final Function<Set<String>, Map<String, HouseholdProfile>> loadProfiles;
    private final java.util.function.Supplier<MatchScorer> scorer;

    /**
     * @param loadProfiles reads the profiles of stored households by id; ids that are not stored are left out
     * @param scorer       the scorer of the model in force (a re-estimated model takes over on the next batch)
     */
    public DuplicateFinder(BlockingIndex index, Function<Set<String>, Map<String, HouseholdProfile>> loadProfiles,
                           java.util.function.Supplier<MatchScorer> scorer) {
        this.index = index;
        this.loadProfiles = loadProfiles;
        this.scorer = scorer;
    }

    /** A household that might be the same as {@code householdId}. */
    public record Candidate(String householdId, String otherHouseholdId, String otherUnitCode, MatchScorer.Match match) {
    }

    /** Files the batch and returns every pair scoring at least {@link MatchScorer#CANDIDATE_THRESHOLD}. */
    public List<Candidate> fileAndFind(Collection<HouseholdProfile> batch) {
        Map<HouseholdProfile, Set<String>> soughtBy = new HashMap<>();
        Map<String, Set<String>> batchByKey = new HashMap<>();
        Set<String> sought = new HashSet<>();
        for (HouseholdProfile household : batch) {
            BlockingKeys.Keys keys = BlockingKeys.of(household);
            soughtBy.put(household, keys.sought());
            sought.addAll(keys.sought());
            keys.filed().forEach(key -> batchByKey.computeIfAbsent(key, k -> new HashSet<>()).add(household.householdId()));
        }
        Map<String, Set<String>> blocks = new HashMap<>(index.lookup(sought));
        Set<String> createdMeanwhile = index.add(batchByKey, blocks, sought);
        if (!createdMeanwhile.isEmpty()) {
            blocks.putAll(index.lookup(createdMeanwhile));
        }
        return score(batch, soughtBy, batchByKey, blocks);
    }

    /**
     * The households already on the registry that might be the same as {@code household}, without
     * filing it: what an officer sees before deciding to register it.
     */
    public List<Candidate> findWithoutFiling(HouseholdProfile household) {
        BlockingKeys.Keys keys = BlockingKeys.of(household);
        return score(List.of(household), Map.of(household, keys.sought()), Map.of(), new HashMap<>(index.lookup(keys.sought())));
    }

    private List<Candidate> score(Collection<HouseholdProfile> batch, Map<HouseholdProfile, Set<String>> soughtBy,
                                  Map<String, Set<String>> batchByKey, Map<String, Set<String>> blocks) {
        Map<String, HouseholdProfile> profiles = new HashMap<>();
        batch.forEach(household -> profiles.put(household.householdId(), household));
        Map<HouseholdProfile, Set<String>> candidateIds = new HashMap<>();
        Set<String> toLoad = new HashSet<>();
        for (HouseholdProfile household : batch) {
            Set<String> ids = new HashSet<>();
            for (String key : soughtBy.get(household)) {
                // The batch's own households are block-mates too (one family twice in one file); the two
                // are joined here rather than copied into one set per key, which at a million households
                // was most of the work.
                Set<String> stored = blocks.getOrDefault(key, Set.of());
                Set<String> fromBatch = batchByKey.getOrDefault(key, Set.of());
                if (stored.size() + fromBatch.size() <= MAX_BLOCK) {
                    ids.addAll(stored);
                    ids.addAll(fromBatch);
                }
            }
            ids.remove(household.householdId());
            candidateIds.put(household, ids);
            ids.stream().filter(id -> !profiles.containsKey(id)).forEach(toLoad::add);
        }
        if (!toLoad.isEmpty()) {
            profiles.putAll(loadProfiles.apply(toLoad));
        }
        List<Candidate> found = new ArrayList<>();
        MatchScorer scoring = scorer.get();
        for (HouseholdProfile household : batch) {
            for (String otherId : candidateIds.get(household)) {
                HouseholdProfile other = profiles.get(otherId);
                if (other == null) {
                    continue; // filed by a registration that never completed
                }
                MatchScorer.Match match = scoring.score(household, other);
                if (match.score() >= MatchScorer.CANDIDATE_THRESHOLD) {
                    found.add(new Candidate(household.householdId(), otherId, other.unitCode(), match));
                }
            }
        }
        return found;
    }
}
