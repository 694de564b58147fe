package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/**
 * An installation upgraded from the single letters key: its households are filed under the two new
 * keys in the background, so that a family typed again with the year of birth only and the given
 * names' letters swapped is found again; the old keys go; and two instances never both do it.
 */
class LetterKeysRefilingTest extends RegistryServiceTest {

    final String officer = TestTokens.bearer(CU_CHI, "OFFICER");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoBlockingIndex index;
    @Autowired
    Clock clock;

    @Test
    void householdsFiledBeforeTheSplitAreFoundAgainOnceRefiledAndTheOldKeysGo() {
        String letters = uniqueLetters(5);
        String husband = "Trần Văn Hu" + letters;
        String wife = "Lê Thị Ma" + letters;
        ApiClient.Response registered = api.postJson("/api/v1/households", officer, ApiClient.json(Map.of(
                "headName", husband, "address", Map.of("unitCode", TAN_THANH_DONG, "hamlet", "Ấp Chợ"), "members", List.of(
                        Map.of("fullName", husband, "dateOfBirth", "1961-07-04", "gender", "MALE", "relation", "HEAD"),
                        Map.of("fullName", wife, "dateOfBirth", "1963-02-09", "gender", "FEMALE", "relation", "Vợ")))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String original = registered.json().get("id").asString();
        filedAsBeforeTheSplit(original);
        // Typed again elsewhere in the commune: only the years of birth, two letters of each given name swapped.
        Map<String, Object> again = Map.of("headName", "Trần Văn Uh" + letters, "address", Map.of("unitCode", TAN_THANH_DONG,
                "hamlet", "Ấp Chợ"), "members", List.of(
                Map.of("fullName", "Trần Văn Uh" + letters, "dateOfBirth", "1961-01-01", "gender", "MALE", "relation", "HEAD"),
                Map.of("fullName", "Lê Thị Am" + letters, "dateOfBirth", "1963-01-01", "gender", "FEMALE", "relation", "Vợ")));
        assertThat(candidatesOf(again)).as("before re-filing, only the old key would bring the two together").doesNotContain(original);

        mongo.getCollection(LetterKeysRefiling.STATE).deleteOne(new Document("_id", LetterKeysRefiling.ID));
        long registeredBefore = mongo.getCollection("households").countDocuments();
        refiling(2).work();

        assertThat(candidatesOf(again)).contains(original);
        assertThat(mongo.getCollection(MongoBlockingIndex.COLLECTION).countDocuments(new Document("_id",
                new Document("$regex", "^sg:")))).as("the old keys are dropped").isZero();
        Document state = mongo.getCollection(LetterKeysRefiling.STATE).find(new Document("_id", LetterKeysRefiling.ID)).first();
        assertThat(state.getBoolean("done")).isTrue();
        assertThat(state.get("refiled", Number.class).longValue()).as("every household, a page of two at a time")
                .isGreaterThanOrEqualTo(registeredBefore);
        assertThat(state.get("leaseOwner")).isNull();
    }

    @Test
    void anotherInstanceLeavesTheWorkToTheLiveHolderAndTakesItOverWhenTheLeaseRunsOut() {
        String letters = uniqueLetters(5);
        String name = "Phạm Văn Tu" + letters;
        ApiClient.Response registered = api.postJson("/api/v1/households", officer, ApiClient.json(Map.of("headName", name,
                "address", Map.of("unitCode", TAN_THANH_DONG), "members", List.of(
                        Map.of("fullName", name, "dateOfBirth", "1975-11-20", "gender", "MALE", "relation", "HEAD")))));
        String household = registered.json().get("id").asString();
        filedAsBeforeTheSplit(household);
        Instant now = clock.instant();
        mongo.getCollection(LetterKeysRefiling.STATE).replaceOne(new Document("_id", LetterKeysRefiling.ID), new Document("_id",
                LetterKeysRefiling.ID).append("leaseOwner", "another-instance").append("leaseUntil", Date.from(now.plusSeconds(3600))),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));

        LetterKeysRefiling second = refiling(1000);
        second.work();

        assertThat(index.lookup(soughtLetterKeysOf(household)).values()).as("left to the instance holding the lease")
                .allSatisfy(block -> assertThat(block).doesNotContain(household));
        assertThat(second.isDone()).isFalse();

        mongo.getCollection(LetterKeysRefiling.STATE).updateOne(new Document("_id", LetterKeysRefiling.ID),
                new Document("$set", new Document("leaseUntil", Date.from(now.minusSeconds(1)))));
        second.work();

        assertThat(index.lookup(soughtLetterKeysOf(household)).values()).as("taken over once the holder stopped renewing")
                .anySatisfy(block -> assertThat(block).contains(household));
        assertThat(second.isDone()).isTrue();
    }

    private LetterKeysRefiling refiling(int page) {
        return new LetterKeysRefiling(mongo, index, clock, page, Duration.ofMinutes(2));
    }

    /** As an installation before the split left it: under one old letters key, not under the new ones. */
    private void filedAsBeforeTheSplit(String householdId) {
        HouseholdProfile profile = DuplicateDetection.profileOf(mongo.getCollection("households")
                .find(new Document("_id", householdId)).first());
        for (String key : BlockingKeys.of(profile).filed()) {
            if (key.startsWith("sd:") || key.startsWith("sy:")) {
                mongo.getCollection(MongoBlockingIndex.COLLECTION).updateOne(new Document("_id", key),
                        new Document("$pull", new Document("households", householdId)));
            }
        }
        mongo.getCollection(MongoBlockingIndex.COLLECTION).insertOne(new Document("_id", "sg:" + householdId + "|0")
                .append("households", List.of(householdId)));
    }

    private java.util.Set<String> soughtLetterKeysOf(String householdId) {
        HouseholdProfile profile = DuplicateDetection.profileOf(mongo.getCollection("households")
                .find(new Document("_id", householdId)).first());
        java.util.Set<String> keys = new java.util.HashSet<>(BlockingKeys.of(profile).filed());
        keys.removeIf(key -> !key.startsWith("sd:"));
        return keys;
    }

    private List<String> candidatesOf(Map<String, Object> household) {
        ApiClient.Response check = api.postJson("/api/v1/households/duplicate-check", officer, ApiClient.json(household));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        return check.json().get("duplicateCandidates").valueStream().map(c -> c.path("householdId").asString()).toList();
    }
}
