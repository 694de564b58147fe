package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * A family registered in Củ Chi is registered again in Quận 1, typed in a hurry. Quận 1 learns only
 * that it exists in Xã Tân Thạnh Đông; the city office, which covers both, merges them.
 */
class DuplicateCasesTest extends RegistryServiceTest {

    final String cuChiOfficer = TestTokens.bearer(CU_CHI, "OFFICER");
    final String quan1Officer = TestTokens.bearer(QUAN_1, "OFFICER");
    final String cityOfficer = TestTokens.bearer(HO_CHI_MINH_CITY, "OFFICER", "APPROVER");
    final String cuChiApprover = TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER");
    final String quan1Approver = TestTokens.bearer(QUAN_1, "OFFICER", "APPROVER");

    @Test
    void aFamilyRegisteredTwiceInTwoDistrictsIsFoundShownWithoutDetailsAndMergedByTheCity() {
        String serial = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String given = "Tám" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + lettersOf(Integer.parseInt(serial.substring(0, 2)));
        String original = register(cuChiOfficer, family("Trần Văn " + given, "1961-07-04", "079061" + serial, TAN_THANH_DONG));

        ApiClient.Response again = api.postJson("/api/v1/households", quan1Officer,
                ApiClient.json(family("tran van  " + stripped(given), "1961-04-07", null, CAU_KHO)));

        assertThat(again.status()).isEqualTo(201);
        String copy = again.json().get("id").asString();
        JsonNode candidates = again.json().get("duplicateCandidates");
        assertThat(candidates).hasSize(1);
        JsonNode candidate = candidates.get(0);
        assertThat(candidate.get("inYourArea").asBoolean()).isFalse();
        assertThat(candidate.has("householdId")).as("no id of a household outside Quận 1").isFalse();
        assertThat(candidate.get("unitName").asString()).isEqualTo("Xã Tân Thạnh Đông");
        assertThat(candidate.get("score").asDouble()).isGreaterThanOrEqualTo(MatchScorer.CASE_THRESHOLD);
        assertThat(candidate.has("reasons")).as("no reason tells which identifier Củ Chi holds").isFalse();
        assertThat(candidates.toString()).doesNotContain(original, "079061" + serial, "Trần", "BIRTH", "CITIZEN", "PHONE");

        JsonNode seenByQuan1 = openCaseOf(copy, quan1Officer);
        assertThat(seenByQuan1.get("households").toString()).doesNotContain(original);
        assertThat(seenByQuan1.has("reasons")).isFalse();
        String caseId = seenByQuan1.get("id").asString();
        assertThat(api.get("/api/v1/duplicates/" + caseId, quan1Officer).json().get("households").toString())
                .contains(copy).doesNotContain(original);
        assertThat(api.get("/api/v1/duplicates/" + caseId, TestTokens.bearer("27496", "OFFICER")).status())
                .as("a commune holding neither household").isEqualTo(404);
        assertThat(caseId).as("the case id spells out neither household").doesNotContain(original).doesNotContain(copy);
        ApiClient.Response officerOnly = api.postJson("/api/v1/duplicates/" + caseId + "/resolve", TestTokens.bearer(HO_CHI_MINH_CITY,
                "OFFICER"), ApiClient.json(Map.of("decision", "MERGE")));
        assertThat(officerOnly.status()).as("deciding a duplicate is an approver's").isEqualTo(403);
        ApiClient.Response notAllowed = api.postJson("/api/v1/duplicates/" + caseId + "/resolve", quan1Approver,
                ApiClient.json(Map.of("decision", "MERGE")));
        assertThat(notAllowed.status()).as("Quận 1 cannot decide about a Củ Chi household").isEqualTo(403);
        assertThat(openCaseOf(copy, cityOfficer).get("reasons").get(0).get("code").asString())
                .as("the city sees both households, and why they match").isEqualTo("NAME_AND_SWAPPED_BIRTH_DATE");

        ApiClient.Response merged = api.postJson("/api/v1/duplicates/" + caseId + "/resolve", cityOfficer,
                ApiClient.json(Map.of("decision", "MERGE")));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("state").asString()).isEqualTo("MERGED");
        assertThat(merged.json().get("keptHouseholdId").asString()).as("the earlier registration is kept").isEqualTo(original);
        JsonNode ended = api.get("/api/v1/households/" + copy, cityOfficer).json();
        assertThat(ended.get("active").asBoolean()).isFalse();
        assertThat(ended.get("deactivationReason").asString()).isEqualTo("MERGED");
        assertThat(ended.get("mergedInto").asString()).isEqualTo(original);
        assertThat(ended.get("members").get(0).get("fullName").asString()).as("history kept").startsWith("tran van");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PublishedEvents.readAll(Topics.HOUSEHOLDS.name())
                .stream().filter(e -> copy.equals(e.key())).map(PublishedEvents.Event::type).toList())
                .containsExactly(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_MERGED));
        ApiClient.Response twice = api.postJson("/api/v1/duplicates/" + caseId + "/resolve", cityOfficer,
                ApiClient.json(Map.of("decision", "NOT_DUPLICATE")));
        assertThat(twice.status()).isEqualTo(409);
        JsonNode decisions = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + caseId,
                TestTokens.bearer(HO_CHI_MINH_CITY, "AUDITOR")).json(), page -> page.path("totalElements").asLong() >= 1);
        assertThat(decisions.path("totalElements").asLong()).as("one decision; the refused second leaves none").isEqualTo(1);
        assertThat(decisions.path("content").get(0).path("action").asString()).isEqualTo("duplicate-case.merged");
        assertThat(decisions.path("content").get(0).path("changes").toString()).contains("\"before\":\"OPEN\",\"after\":\"MERGED\"");
        JsonNode mergedAway = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + copy
                + "&action=household.merged", TestTokens.bearer(HO_CHI_MINH_CITY, "AUDITOR")).json(),
                page -> page.path("totalElements").asLong() == 1).path("content").get(0);
        assertThat(mergedAway.path("changes").toString()).contains("\"field\":\"mergedInto\",\"before\":null,\"after\":\"" + original + "\"");

        // A third entry of the family meets only the household that was kept.
        ApiClient.Response third = api.postJson("/api/v1/households", cityOfficer,
                ApiClient.json(family("Trần Văn " + given, "1961-07-04", null, CAU_KHO)));
        assertThat(third.json().get("duplicateCandidates")).extracting(c -> c.get("householdId").asString())
                .containsExactly(original);
    }

    @Test
    void aFamilyRegisteredAgainUnderAnotherHeadIsFoundThroughItsMembersExplainedAndMergedKeepingEveryoneOnce() {
        String serial = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String family = "Khúc" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + lettersOf(Integer.parseInt(serial.substring(0, 2)));
        String husband = "Phạm Văn " + family;
        String wife = "Nguyễn Thị " + family;
        String original = register(cuChiOfficer, Map.of("headName", husband, "address", Map.of("unitCode", TAN_THANH_DONG),
                "phone", "0912" + serial.substring(0, 6), "members", List.of(
                        member(husband, "1960-03-12", "MALE", "079060" + serial, "Chủ hộ"),
                        member(wife, "1962-05-01", "FEMALE", null, "Vợ"),
                        member("Phạm Văn Tư " + family, "1990-08-09", "MALE", null, "Con"))));
        // Another commune types the family again: the wife as head, the son moved out, a newborn added.
        String copy = register(TestTokens.bearer("27496", "OFFICER"),
                Map.of("headName", stripped(wife), "address", Map.of("unitCode", "27496"), "members", List.of(
                        member(stripped(wife), "1962-05-01", "FEMALE", "079162" + serial, "Chủ hộ"),
                        member(stripped(husband).toUpperCase(), "1960-12-03", "MALE", null, "Chồng"),
                        member("Phạm Thị Na " + family, "2024-01-15", "FEMALE", null, "Cháu"))));
        String caseId = openCaseOf(copy, cuChiOfficer).get("id").asString();

        JsonNode explained = api.get("/api/v1/duplicates/" + caseId, cuChiOfficer).json();

        JsonNode comparison = explained.get("comparison");
        assertThat(comparison.get("score").asDouble()).isGreaterThanOrEqualTo(MatchScorer.CASE_THRESHOLD);
        Map<String, String> levels = new java.util.HashMap<>();
        double sum = comparison.get("priorWeight").asDouble();
        for (JsonNode field : comparison.get("fields")) {
            levels.put(field.get("field").asString(), field.get("level").asString());
            sum += field.get("weight").asDouble();
        }
        assertThat(levels).containsEntry("NAME", "EXACT").containsEntry("BIRTH_DATE", "EXACT")
                .containsEntry("OTHER_MEMBERS", "ONE_MATCHES").containsEntry("PLACE", "OTHER_COMMUNE");
        assertThat(1 / (1 + Math.pow(2, -sum))).as("the weights add up to the score shown")
                .isCloseTo(comparison.get("score").asDouble(), org.assertj.core.data.Offset.offset(0.02));
        boolean copyFirst = explained.get("households").get(0).get("householdId").asString().equals(copy);
        List<String> pairs = new java.util.ArrayList<>();
        comparison.get("matchedMembers").forEach(pair -> pairs.add(copyFirst
                ? pair.get("second").asInt() + "-" + pair.get("first").asInt() : pair.get("first").asInt() + "-" + pair.get("second").asInt()));
        assertThat(pairs).as("original's member - copy's member: the wife and the husband, not the children")
                .containsExactlyInAnyOrder("1-0", "0-1");
        assertThat(api.get("/api/v1/duplicates/" + caseId, TestTokens.bearer("27496", "OFFICER")).json().has("comparison"))
                .as("a commune that sees one household is not told how the other compares").isFalse();

        ApiClient.Response merged = api.postJson("/api/v1/duplicates/" + caseId + "/resolve", cuChiApprover,
                ApiClient.json(Map.of("decision", "MERGE")));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode kept = api.get("/api/v1/households/" + original, cuChiOfficer).json();
        assertThat(kept.get("members")).extracting(m -> m.get("fullName").asString())
                .as("everyone once: the couple merged, the son kept, the newborn added")
                .containsExactly(husband, wife, "Phạm Văn Tư " + family, "Phạm Thị Na " + family);
        assertThat(kept.get("members").get(1).get("citizenId").asString()).as("the wife's ID, typed only the second time")
                .isEqualTo("079162" + serial);
        assertThat(kept.get("members").get(0).get("dateOfBirth").asString()).as("our own date kept").isEqualTo("1960-03-12");
        assertThat(kept.get("mergedFrom").get(0).get("householdId").asString()).isEqualTo(copy);
        assertThat(kept.get("mergedFrom").get(0).get("membersAdded").asInt()).isEqualTo(1);
        JsonNode ended = api.get("/api/v1/households/" + copy, cuChiOfficer).json();
        assertThat(ended.get("mergedInto").asString()).isEqualTo(original);
        assertThat(ended.get("members")).as("the merged household's own record stays as typed").hasSize(3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PublishedEvents.readAll(Topics.HOUSEHOLDS.name())
                .stream().filter(e -> original.equals(e.key())).map(PublishedEvents.Event::type).toList())
                .containsExactly(EventTypes.HOUSEHOLD_REGISTERED, EventTypes.HOUSEHOLD_UPDATED));
        JsonNode afterMerge = api.get("/api/v1/duplicates/" + caseId, cuChiOfficer).json().get("comparison");
        assertThat(afterMerge.get("matchedMembers")).as("a decided case is still explained, as the households are today: "
                + "the newborn is now on both").hasSize(3);
    }

    private static Map<String, Object> member(String name, String born, String gender, String citizenId, String relation) {
        Map<String, Object> member = new java.util.HashMap<>(Map.of("fullName", name, "dateOfBirth", born, "gender", gender,
                "relation", relation));
        if (citizenId != null) {
            member.put("citizenId", citizenId);
        }
        return member;
    }

    @Test
    void aPairDeclaredNotDuplicateLeavesTheOpenListAndCannotBeMergedLater() {
        String serial = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String given = "Lâm" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + lettersOf(Integer.parseInt(serial.substring(0, 2)));
        register(cuChiOfficer, family("Lê Văn " + given, "1970-01-20", null, TAN_THANH_DONG));
        String namesake = register(cuChiOfficer, family("Lê Văn " + given, "1970-01-20", null, TAN_THANH_DONG));
        String caseId = openCaseOf(namesake, cuChiOfficer).get("id").asString();

        ApiClient.Response decided = api.postJson("/api/v1/duplicates/" + caseId + "/resolve", cuChiApprover,
                ApiClient.json(Map.of("decision", "NOT_DUPLICATE")));

        assertThat(decided.json().get("state").asString()).isEqualTo("NOT_DUPLICATE");
        assertThat(api.get("/api/v1/duplicates?state=OPEN&size=2000", cuChiOfficer).json().get("content").toString())
                .doesNotContain(caseId);
        assertThat(api.postJson("/api/v1/duplicates/" + caseId + "/resolve", cuChiApprover,
                ApiClient.json(Map.of("decision", "MERGE"))).status()).isEqualTo(409);
        assertThat(api.get("/api/v1/households/" + namesake, cuChiOfficer).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void anOfficerSeesPossibleDuplicatesBeforeSavingAndTheCheckStoresNothing() {
        String serial = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String given = "Hòa" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + lettersOf(Integer.parseInt(serial.substring(0, 2)));
        String original = register(cuChiOfficer, family("Võ Văn " + given, "1982-03-15", "079082" + serial, TAN_THANH_DONG));
        long householdsBefore = api.get("/api/v1/households?unit=" + CAU_KHO + "&size=1", quan1Officer).json()
                .get("totalElements").asLong();

        ApiClient.Response check = api.postJson("/api/v1/households/duplicate-check", quan1Officer,
                ApiClient.json(family("vo van " + stripped(given), "1982-03-15", null, CAU_KHO)));

        assertThat(check.status()).as(check.body()).isEqualTo(200);
        JsonNode candidates = check.json().get("duplicateCandidates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("unitName").asString()).isEqualTo("Xã Tân Thạnh Đông");
        assertThat(candidates.get(0).get("inYourArea").asBoolean()).isFalse();
        assertThat(candidates.toString()).doesNotContain(original, "079082" + serial);
        assertThat(api.get("/api/v1/households?unit=" + CAU_KHO + "&size=1", quan1Officer).json().get("totalElements").asLong())
                .as("a check registers nothing").isEqualTo(householdsBefore);
        // Checked twice, the family is still only the one registered: the check filed nothing to match against.
        assertThat(api.postJson("/api/v1/households/duplicate-check", quan1Officer,
                ApiClient.json(family("vo van " + stripped(given), "1982-03-15", null, CAU_KHO))).json()
                .get("duplicateCandidates")).hasSize(1);
        assertThat(api.postJson("/api/v1/households/duplicate-check", quan1Officer,
                ApiClient.json(family("Võ Văn " + given, "1982-03-15", null, TAN_THANH_DONG))).status())
                .as("a unit outside Quận 1").isEqualTo(403);
    }

    @Test
    void aDecisionWithoutAKnownDecisionIsRefused() {
        ApiClient.Response refused = api.postJson("/api/v1/duplicates/x~y/resolve", cuChiApprover,
                ApiClient.json(Map.of("decision", "MAYBE")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private JsonNode openCaseOf(String householdId, String token) {
        JsonNode cases = api.get("/api/v1/duplicates?state=OPEN&size=2000", token).json().get("content");
        for (JsonNode duplicate : cases) {
            if (duplicate.get("households").toString().contains(householdId)) {
                return duplicate;
            }
        }
        throw new AssertionError("no open case for " + householdId + " in " + cases);
    }

    @Test
    void aHouseholdEndedAMomentAgoIsNoLongerTheBlockMateOfTheNextRegistration() {
        String serial = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String given = "Chín" + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + lettersOf(Integer.parseInt(serial.substring(0, 2)));
        String original = register(cuChiOfficer, family("Lê Văn " + given, "1958-02-11", "079058" + serial, TAN_THANH_DONG));
        Map<String, Object> typedAgain = family("le van  " + stripped(given), "1958-11-02", null, CAU_KHO);
        // Registered again in Quận 1: the original is read as its block-mate (and remembered a while).
        ApiClient.Response again = api.postJson("/api/v1/households", quan1Officer, ApiClient.json(typedAgain));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("duplicateCandidates")).hasSize(1);
        String copy = again.json().get("id").asString();
        assertThat(api.postJson("/api/v1/households/" + original + "/deactivate", cuChiOfficer,
                ApiClient.json(Map.of("reason", "MOVED_AWAY", "effectiveFrom", "2026-06-01"))).status()).isEqualTo(200);

        ApiClient.Response third = api.postJson("/api/v1/households", quan1Officer, ApiClient.json(typedAgain));

        assertThat(third.status()).as(third.body()).isEqualTo(201);
        JsonNode candidates = third.json().get("duplicateCandidates");
        assertThat(candidates).as("the Quận 1 copy only: Củ Chi's household has moved away").hasSize(1);
        assertThat(candidates.get(0).get("householdId").asString()).isEqualTo(copy);
    }

    private String register(String token, Map<String, Object> household) {
        ApiClient.Response response = api.postJson("/api/v1/households", token, ApiClient.json(household));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String stripped(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static Map<String, Object> family(String headName, String born, String citizenId, String unitCode) {
        Map<String, Object> head = new java.util.HashMap<>(Map.of("fullName", headName, "dateOfBirth", born,
                "gender", "MALE", "relation", "HEAD"));
        if (citizenId != null) {
            head.put("citizenId", citizenId);
        }
        return Map.of("headName", headName, "members", List.of(head), "address", Map.of("unitCode", unitCode),
                "categories", List.of("NEAR_POOR"));
    }
}
