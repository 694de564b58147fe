package vn.ansinh.registry.dedup;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ansinh.registry.household.Household;

/**
 * Duplicate detection across all offices, for single registrations and imports alike: files the new
 * households in the blocking index, scores them against their block-mates and opens a case for each
 * pair above {@link MatchScorer#CASE_THRESHOLD}.
 */
@Service
public class DuplicateDetection {

    private final BlockingIndex index;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final DuplicateFinder finder;

    DuplicateDetection(MongoBlockingIndex index, MongoTemplate mongo, Clock clock) {
        this.index = index;
        this.mongo = mongo;
        this.clock = clock;
        this.finder = new DuplicateFinder(index, this::loadProfiles);
    }

    /** Files the households and returns the pairs worth showing; call before they are saved (see {@link DuplicateFinder}). */
    public List<DuplicateFinder.Candidate> fileAndFind(List<HouseholdProfile> batch) {
        return finder.fileAndFind(batch);
    }

    /** Opens a case for each pair above the threshold, unless that pair already has one (open or decided). */
    public void openCases(List<DuplicateFinder.Candidate> candidates, Map<String, String> unitOfNewHousehold) {
        List<DuplicateFinder.Candidate> worthACase = candidates.stream()
                .filter(c -> c.match().score() >= MatchScorer.CASE_THRESHOLD).toList();
        if (worthACase.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DuplicateCase.class);
        for (DuplicateFinder.Candidate candidate : worthACase) {
            String a = candidate.householdId();
            String b = candidate.otherHouseholdId();
            bulk.upsert(Query.query(Criteria.where("_id").is(DuplicateCase.idOf(a, b))), new Update()
                    .setOnInsert("householdIds", List.of(a, b))
                    .setOnInsert("unitCodes", List.of(unitOfNewHousehold.get(a), candidate.otherUnitCode()))
                    .setOnInsert("score", candidate.match().score())
                    .setOnInsert("reasons", candidate.match().reasons().stream().map(Enum::name).toList())
                    .setOnInsert("state", CaseState.OPEN.name())
                    .setOnInsert("openedAt", clock.instant())
                    .setOnInsert("version", 0L));
        }
        bulk.execute();
    }

    /** Files a changed household under its new keys (old keys only lead to a comparison that no longer matches). */
    public void refile(HouseholdProfile household) {
        index.add(List.of(household));
    }

    /** Takes a merged household out of the index: it is no one's duplicate any more. */
    public void forget(HouseholdProfile household) {
        index.remove(household);
    }

    private Map<String, HouseholdProfile> loadProfiles(Set<String> ids) {
        Map<String, HouseholdProfile> profiles = new HashMap<>();
        for (Household household : mongo.find(Query.query(Criteria.where("_id").in(ids)), Household.class)) {
            if (household.isActive()) {
                profiles.put(household.getId(), household.profile());
            }
        }
        return profiles;
    }
}
