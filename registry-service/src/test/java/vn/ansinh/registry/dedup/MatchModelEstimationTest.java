package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.ServiceTest;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestTokens;

/**
 * The duplicate model re-estimated from the registry's own households: put in force for every later
 * registration when its weights point the right way, refused with the reason otherwise. Its own
 * database, filled with a generated district's households.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=registry-service",
        "ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json",
        "ansinh.registry.dedup.minimum-households=2000"})
class MatchModelEstimationTest extends ServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registry-model-test");
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MatchModels models;

    final String admin = TestTokens.bearer("VN", "ADMIN", "OFFICER", "APPROVER");

    @Test
    void anAdministratorReestimatesTheModelFromTheRegistrysOwnHouseholdsAndItScoresFromThenOn() {
        ApiClient.Response tooEarly = api.postJson("/api/v1/duplicates/model/estimate", admin, "{}");
        assertThat(tooEarly.status()).as("an empty registry has nothing to learn from").isEqualTo(422);
        assertThat(tooEarly.json().get("code").asString()).isEqualTo("match-model.too-little-data");
        assertThat(tooEarly.json().get("detail").asString()).as("in the caller's language and figures").contains("2.000");

        SyntheticPopulation.Population population = new SyntheticPopulation(99L).generate(4_000, 0.08, 40);
        List<Document> households = new ArrayList<>();
        for (HouseholdProfile profile : population.households()) {
            households.add(document(profile));
        }
        mongo.insert(households, "households");
        // Officers have merged some of the families entered twice: a re-estimate is checked against their decisions.
        List<Document> decided = new ArrayList<>();
        for (int[] levels : labelled(population).merged().subList(0, 40)) {
            decided.add(new Document("_id", "dc-test-" + decided.size()).append("state", "MERGED")
                    .append("levels", new Document(DuplicateCase.levelNames(levels))).append("resolvedAt", new Date()));
        }
        mongo.insert(decided, "duplicate_cases");
        assertThat(api.postJson("/api/v1/duplicates/model/estimate", TestTokens.bearer("783", "OFFICER", "APPROVER"), "{}").status())
                .as("an office's approver does not change how every office is scored").isEqualTo(403);

        ApiClient.Response estimated = api.postJson("/api/v1/duplicates/model/estimate", admin, "{}");

        assertThat(estimated.status()).as(estimated.body()).isEqualTo(200);
        assertThat(estimated.json().get("source").asString()).contains("the registry's own households");
        JsonNode current = api.get("/api/v1/duplicates/model", TestTokens.bearer("783", "OFFICER")).json();
        assertThat(current.get("trainedAt").asString()).isEqualTo(estimated.json().get("trainedAt").asString());
        assertThat(current.get("levels")).anySatisfy(level -> {
            assertThat(level.get("field").asString()).isEqualTo("CITIZEN_ID");
            assertThat(level.get("level").asString()).isEqualTo("SAME");
            assertThat(level.get("weight").asDouble()).isPositive();
        });
        assertThat(models.current().source()).contains("the registry's own households");
        // A restarted instance starts from the stored model, not the shipped one.
        assertThat(new MatchModels(mongo).current().trainedAt()).isEqualTo(models.current().trainedAt());
    }

    @Test
    void aReestimateWhoseWeightsPointTheWrongWayIsRefused() {
        MatchModel shipped = MatchModel.shipped();
        double[][] m = copy(shipped.m());
        double[][] u = copy(shipped.u());
        // Agreeing on a citizen ID made to speak against one household.
        m[Comparison.Field.CITIZEN_ID.ordinal()][Comparison.ID_SAME] = u[Comparison.Field.CITIZEN_ID.ordinal()][Comparison.ID_SAME] / 2;
        MatchModel backwards = new MatchModel(m, u, shipped.lambda(), 1, "test", null);

        assertThat(MatchModelEstimation.wrongWay(shipped)).isNull();
        assertThat(MatchModelEstimation.wrongWay(backwards)).isEqualTo("CITIZEN_ID=SAME");
    }

    @Test
    void aReestimateThatWouldNoLongerOpenWhatOfficersMergedIsRefused() {
        Labelled decisions = labelled(new SyntheticPopulation(5L).generate(3_000, 0.1, 30));
        MatchScorer inForce = new MatchScorer(MatchModel.shipped());
        MatchModel shipped = MatchModel.shipped();
        // A model that thinks two households are a million times less often one.
        MatchScorer timid = new MatchScorer(new MatchModel(shipped.m(), shipped.u(), shipped.lambda() / 1_000_000, 1, "test", null));

        MatchModelEstimation.DecisionCheck current = MatchModelEstimation.DecisionCheck.of(inForce, decisions.merged(), decisions.apart());
        MatchModelEstimation.DecisionCheck proposed = MatchModelEstimation.DecisionCheck.of(timid, decisions.merged(), decisions.apart());

        assertThat(current.merged()).isGreaterThan(100);
        assertThat(current.mergedShare()).as("the model in force opens what it opened").isEqualTo(1.0);
        assertThat(current.worseThan(current)).isFalse();
        assertThat(proposed.mergedShare()).isLessThan(0.9);
        assertThat(proposed.apartShare()).isLessThanOrEqualTo(current.apartShare());
        assertThat(proposed.worseThan(current)).isTrue();
    }

    /** Comparisons of a population's pairs as officers would have decided them: true pairs merged, namesakes kept apart. */
    record Labelled(List<int[]> merged, List<int[]> apart) {
    }

    private static Labelled labelled(SyntheticPopulation.Population population) {
        MatchScorer scorer = new MatchScorer(MatchModel.shipped());
        java.util.Map<String, HouseholdProfile> byId = new java.util.HashMap<>();
        population.households().forEach(h -> byId.put(h.householdId(), h));
        List<int[]> merged = new ArrayList<>();
        for (SyntheticPopulation.Pair pair : population.truePairs()) {
            MatchScorer.Match match = scorer.score(byId.get(pair.original()), byId.get(pair.copy()));
            if (match.score() >= MatchScorer.CASE_THRESHOLD) {
                merged.add(match.levels());
            }
        }
        List<int[]> apart = new ArrayList<>();
        List<HouseholdProfile> all = population.households();
        for (int i = 0; i + 1 < all.size() && apart.size() < 200; i += 2) {
            apart.add(scorer.score(all.get(i), all.get(i + 1)).levels());
        }
        return new Labelled(merged, apart);
    }

    private static double[][] copy(double[][] values) {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    private static Document document(HouseholdProfile profile) {
        List<Document> members = new ArrayList<>();
        for (HouseholdProfile.Person person : profile.people()) {
            members.add(new Document("fullName", person.nameKey())
                    .append("dateOfBirth", Date.from(person.dateOfBirth().atStartOfDay(ZoneId.systemDefault()).toInstant()))
                    .append("citizenId", person.citizenId()));
        }
        return new Document("_id", java.util.UUID.randomUUID().toString()).append("unitCode", profile.unitCode())
                .append("address", new Document("unitCode", profile.unitCode()).append("hamlet", profile.hamletKey()))
                .append("phone", profile.phone()).append("members", members);
    }
}
