package vn.ansinh.registry.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;


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
    private final MatchModels models;
    private final RecentProfiles recent;

    DuplicateDetection(MongoBlockingIndex index, MongoTemplate mongo, Clock clock, MatchModels models,
                       @Value("${ansinh.registry.dedup.recent-profiles:20000}") int recentProfiles,
                       @Value("${ansinh.registry.dedup.recent-profiles-for:PT30S}") Duration recentFor) {
        this.models = models;
        this.index = index;
        this.mongo = mongo;
        this.clock = clock;
        this.recent = new RecentProfiles(recentProfiles, recentFor, System::nanoTime);
        this.finder = new DuplicateFinder(index, this::blockMates, models::scorer);
    }

    /**
     * How two stored households compare today under the model in force, field by field, with the
     * members that match; empty when one of them is not stored. Ended households are compared too: a
     * decided case is still explained.
     */
    public Optional<MatchScorer.Explanation> explain(String first, String second) {
        Map<String, HouseholdProfile> both = loadProfiles(Set.of(first, second), true);
        if (both.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(models.scorer().explain(both.get(first), both.get(second)));
    }

    /** Files the households and returns the pairs worth showing; call before they are saved (see {@link DuplicateFinder}). */
    public List<DuplicateFinder.Candidate> fileAndFind(List<HouseholdProfile> batch) {
        return finder.fileAndFind(batch);
    }

    /** The households that might be this one, without filing it (nothing is stored). */
    public List<DuplicateFinder.Candidate> findWithoutFiling(HouseholdProfile household) {
        return finder.findWithoutFiling(household);
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
                    .setOnInsert("levels", DuplicateCase.levelNames(candidate.match().levels()))
                    .setOnInsert("state", CaseState.OPEN.name())
                    .setOnInsert("openedAt", clock.instant())
                    .setOnInsert("version", 0L));
        }
        bulk.execute();
    }

    /** Files a changed household under its new keys (old keys only lead to a comparison that no longer matches). */
    public void refile(HouseholdProfile household) {
        Map<String, Set<String>> byKey = new HashMap<>();
        BlockingKeys.of(household).filed().forEach(key -> byKey.put(key, Set.of(household.householdId())));
        index.add(byKey, Map.of(), Set.of());
        recent.forget(household.householdId());
    }

    /** Takes a merged household out of the index: it is no one's duplicate any more. */
    public void forget(HouseholdProfile household) {
        index.remove(household);
        recent.forget(household.householdId());
    }

    /** A household changed or ended: its block-mates compare with it as it is from now on, not as last read. */
    public void changed(String householdId) {
        recent.forget(householdId);
    }

    /** The active block-mates' profiles, those read lately taken as they were read. */
    private Map<String, HouseholdProfile> blockMates(Set<String> ids) {
        Map<String, HouseholdProfile> profiles = recent.known(ids);
        if (profiles.size() < ids.size()) {
            Set<String> toRead = new java.util.HashSet<>(ids);
            toRead.removeAll(profiles.keySet());
            Map<String, HouseholdProfile> read = loadProfiles(toRead, false);
            recent.remember(read);
            profiles.putAll(read);
        }
        return profiles;
    }

    /**
     * Reads only the fields compared, without mapping whole households: this runs for every block-mate.
     * Dates are read back the way Spring Data stored them (midnight in the JVM's zone).
     */
    private Map<String, HouseholdProfile> loadProfiles(Set<String> ids, boolean includeEnded) {
        Map<String, HouseholdProfile> profiles = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += MongoBlockingIndex.CHUNK) {
            Query query = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + MongoBlockingIndex.CHUNK))));
            query.fields().include("unitCode", "address.hamlet", "phone", "members.fullName", "members.dateOfBirth",
                    "members.citizenId", "deactivationReason");
            for (Document household : mongo.find(query, Document.class, "households")) {
                if (!includeEnded && household.get("deactivationReason") != null) {
                    continue;
                }
                profiles.put(household.getString("_id"), profileOf(household));
            }
        }
        return profiles;
    }

    /** A household document's compared fields (unitCode, hamlet, phone, members' names, dates, IDs) as a profile. */
    static HouseholdProfile profileOf(Document household) {
        Document address = household.get("address", Document.class);
        List<HouseholdProfile.Person> people = household.getList("members", Document.class).stream()
                .map(member -> HouseholdProfile.Person.of(member.getString("fullName"), toLocalDate(member.get("dateOfBirth")),
                        member.getString("citizenId"))).toList();
        return HouseholdProfile.of(household.getString("_id"), household.getString("unitCode"),
                address == null ? null : address.getString("hamlet"), household.getString("phone"), people);
    }

    private static LocalDate toLocalDate(Object stored) {
        if (stored instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        return stored == null ? null : LocalDate.parse(stored.toString());
    }
}
