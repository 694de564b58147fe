package vn.ansinh.registry.dedup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;

/**
 * Re-estimates the match model from the registry's own households: a sample of them (read from a
 * random point of the collection on), their blocked pairs and random pairs, EM (see
 * {@link MatchModelTraining}). A re-estimate goes into force only if its weights point the way
 * evidence must — agreement on a name, a birth date, a citizen ID or a phone for one household,
 * disagreement against —; otherwise it is refused and the model in force stays. Run nightly, and on
 * an administrator's request.
 */
@Service
public class MatchModelEstimation {

    private final MongoTemplate mongo;
    private final MatchModels models;
    private final Clock clock;
    private final int sampleSize;
    private final int minimumHouseholds;
    private final int minimumDecisions;

    MatchModelEstimation(MongoTemplate mongo, MatchModels models, Clock clock,
                         @Value("${ansinh.registry.dedup.sample-size:20000}") int sampleSize,
                         @Value("${ansinh.registry.dedup.minimum-households:2000}") int minimumHouseholds,
                         @Value("${ansinh.registry.dedup.minimum-decisions:20}") int minimumDecisions) {
        this.minimumDecisions = minimumDecisions;
        this.mongo = mongo;
        this.models = models;
        this.clock = clock;
        this.sampleSize = sampleSize;
        this.minimumHouseholds = minimumHouseholds;
    }

    /** @return the model put in force */
    public MatchModel reestimate() {
        List<HouseholdProfile> sample = sample();
        if (sample.size() < minimumHouseholds) {
            throw Refusal.unprocessable("match-model.too-little-data", sample.size(), minimumHouseholds);
        }
        MatchModel estimate = MatchModelTraining.estimate(sample, clock.millis(),
                "the registry's own households (a sample of " + sample.size() + ")", clock.instant());
        String wrongWay = wrongWay(estimate);
        if (wrongWay != null) {
            throw Refusal.unprocessable("match-model.implausible", wrongWay);
        }
        List<int[]> merged = decided(CaseState.MERGED);
        List<int[]> apart = decided(CaseState.NOT_DUPLICATE);
        if (merged.size() + apart.size() >= minimumDecisions) {
            DecisionCheck inForce = DecisionCheck.of(models.scorer(), merged, apart);
            DecisionCheck proposed = DecisionCheck.of(new MatchScorer(estimate), merged, apart);
            if (proposed.worseThan(inForce)) {
                throw Refusal.unprocessable("match-model.worse-on-decisions", proposed.mergedOpened(), proposed.merged(),
                        proposed.apartOpened(), proposed.apart(), inForce.mergedOpened(), inForce.apartOpened());
            }
        }
        models.putInForce(estimate);
        return estimate;
    }

    @Scheduled(cron = "${ansinh.registry.dedup.reestimate-cron:0 30 2 * * *}", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        // Every registry instance wakes at the same time; the first to record tonight's run does it.
        String tonight = "nightly-" + java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        try {
            mongo.insert(new Document("_id", tonight).append("at", clock.instant()), "match_model_runs");
        } catch (org.springframework.dao.DuplicateKeyException anotherInstanceRunsIt) {
            return;
        }
        try {
            reestimate();
        } catch (Refusal notNow) {
            // Too few households yet, or an implausible estimate: the model in force stays, as it should.
            org.slf4j.LoggerFactory.getLogger(MatchModelEstimation.class).info("Match model kept: {}", notNow.code());
        }
    }

    /**
     * How a model does on the cases officers decided — the only labelled pairs the registry has: the
     * share of merged pairs it would still open a case for, and the share of pairs declared two
     * families it would open one for again.
     */
    record DecisionCheck(int merged, int mergedOpened, int apart, int apartOpened) {

        /** A re-estimate may differ from the model in force by a little, not lose what officers confirmed. */
        static final double TOLERANCE = 0.02;

        static DecisionCheck of(MatchScorer scorer, List<int[]> merged, List<int[]> apart) {
            return new DecisionCheck(merged.size(), (int) merged.stream().filter(l -> scorer.scoreOf(l) >= MatchScorer.CASE_THRESHOLD).count(),
                    apart.size(), (int) apart.stream().filter(l -> scorer.scoreOf(l) >= MatchScorer.CASE_THRESHOLD).count());
        }

        double mergedShare() {
            return merged == 0 ? 1 : (double) mergedOpened / merged;
        }

        double apartShare() {
            return apart == 0 ? 0 : (double) apartOpened / apart;
        }

        boolean worseThan(DecisionCheck inForce) {
            return mergedShare() < inForce.mergedShare() - TOLERANCE || apartShare() > inForce.apartShare() + TOLERANCE;
        }
    }

    /** The comparisons of the latest decided cases of one outcome (cases from before comparisons were kept are left out). */
    private List<int[]> decided(CaseState outcome) {
        Query query = Query.query(Criteria.where("state").is(outcome).and("levels").exists(true))
                .with(Sort.by(Sort.Direction.DESC, "resolvedAt")).limit(10_000);
        query.fields().include("levels");
        return mongo.find(query, DuplicateCase.class).stream().map(DuplicateCase::levelVector)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The first level whose weight points the wrong way, or null. */
    static String wrongWay(MatchModel model) {
        record Expectation(Comparison.Field field, int level, boolean positive) {
        }
        for (Expectation expected : List.of(new Expectation(Comparison.Field.NAME, Comparison.NAME_EXACT, true),
                new Expectation(Comparison.Field.NAME, Comparison.NAME_DIFFERENT, false),
                new Expectation(Comparison.Field.BIRTH_DATE, Comparison.BIRTH_EXACT, true),
                new Expectation(Comparison.Field.BIRTH_DATE, Comparison.BIRTH_DIFFERENT, false),
                new Expectation(Comparison.Field.CITIZEN_ID, Comparison.ID_SAME, true),
                new Expectation(Comparison.Field.PHONE, 0, true))) {
            double weight = model.weight(expected.field(), expected.level());
            if (expected.positive() ? weight <= 0 : weight >= 0) {
                return expected.field() + "=" + expected.field().levels().get(expected.level());
            }
        }
        return null;
    }

    /** Active households from a random point of the id order on (ids are random), wrapping round. */
    private List<HouseholdProfile> sample() {
        String from = UUID.randomUUID().toString();
        List<HouseholdProfile> sample = new ArrayList<>(read(Criteria.where("_id").gte(from), sampleSize));
        if (sample.size() < sampleSize) {
            sample.addAll(read(Criteria.where("_id").lt(from), sampleSize - sample.size()));
        }
        return sample;
    }

    private List<HouseholdProfile> read(Criteria criteria, int limit) {
        Query query = Query.query(criteria.and("deactivationReason").is(null)).with(Sort.by("_id")).limit(limit);
        query.fields().include("unitCode", "address.hamlet", "phone", "members.fullName", "members.dateOfBirth", "members.citizenId");
        List<HouseholdProfile> profiles = new ArrayList<>();
        for (Document household : mongo.find(query, Document.class, "households")) {
            profiles.add(DuplicateDetection.profileOf(household));
        }
        return profiles;
    }
}
