package vn.ansinh.distribution.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.distribution.DistributionServiceTest;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.OrganisationRegistered;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * The Youth Union of Củ Chi sponsors a pupil at 200,000 VND a month (the Núi Sam seed): pledged, paid
 * late and in part, listed while owed; a pledge for a school year ended early; refusals that store
 * nothing; and no other office, organisation or auditor changes it.
 */
class SponsorshipsTest extends DistributionServiceTest {

    private static final String THI_TRAN = "27496";

    @BeforeAll
    static void youthUnion() {
        TestEvents.publish(Topics.FUNDS.name(), EventTypes.ORGANISATION_REGISTERED, CU_CHI + ":DTN", 0,
                new OrganisationRegistered(CU_CHI, "DTN", "Huyện Đoàn Củ Chi"));
    }

    @Autowired
    MongoTemplate mongo;
    @Autowired
    HouseholdReplica replica;

    final String district = TestTokens.bearer(CU_CHI, "OFFICER");
    final String youthUnion = TestTokens.bearerForOrganisation(CU_CHI, "DTN", "OFFICER");
    final String womensUnion = TestTokens.bearerForOrganisation(CU_CHI, "HLHPN", "OFFICER");
    final String auditor = TestTokens.bearer(CU_CHI, "AUDITOR");
    final String district1 = TestTokens.bearer(QUAN_1, "OFFICER");

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private String household(String unit) {
        String id = "hh-sp-" + UUID.randomUUID();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 0, new HouseholdRegistered(id, unit,
                List.of("POOR"), "POOR", 3, Instant.now(), null, List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(id).isPresent());
        return id;
    }

    private Map<String, Object> pledge(String householdId, LocalDate startsOn, LocalDate endsOn, long amount) {
        Map<String, Object> body = new HashMap<>(Map.of("officeUnitCode", CU_CHI, "householdId", householdId, "memberNumber", 2,
                "sponsor", "Huyện Đoàn Củ Chi", "purpose", "Đỡ đầu học sinh nghèo vượt khó", "amount", amount, "everyMonths", 1,
                "startsOn", startsOn.toString()));
        if (endsOn != null) {
            body.put("endsOn", endsOn.toString());
        }
        return body;
    }

    private ApiClient.Response pay(String id, String token, long amount, LocalDate paidOn, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", amount, "paidOn", paidOn.toString()));
        if (reference != null) {
            body.put("reference", reference);
        }
        return api.postJson("/api/v1/sponsorships/" + id + "/payments", token, ApiClient.json(body));
    }

    private boolean listedInArrears(String id) {
        for (JsonNode listed : api.get("/api/v1/sponsorships?inArrears=true&size=200", district).json().get("content")) {
            if (listed.get("id").asString().equals(id)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aPupilSponsoredMonthlyIsPaidLateAndInPartAndIsListedWhileOwed() {
        String pupil = household(THI_TRAN);
        LocalDate startsOn = today().minusMonths(3).withDayOfMonth(1);
        ApiClient.Response pledged = api.postJson("/api/v1/sponsorships", youthUnion, ApiClient.json(pledge(pupil, startsOn, null, 200_000)));
        assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
        JsonNode sponsorship = pledged.json();
        String id = sponsorship.get("id").asString();
        assertThat(sponsorship.get("organisationCode").asString()).as("the union's own, without saying so").isEqualTo("DTN");
        assertThat(sponsorship.get("unitCode").asString()).isEqualTo(THI_TRAN);
        assertThat(sponsorship.at("/standing/dueSoFar").asLong()).as("four months fell due").isEqualTo(800_000);
        assertThat(sponsorship.at("/standing/arrears").asLong()).isEqualTo(800_000);
        assertThat(sponsorship.at("/standing/oldestUnpaidDueOn").asString()).isEqualTo(startsOn.toString());
        assertThat(sponsorship.get("instalments")).hasSize(4 + 3);
        assertThat(listedInArrears(id)).isTrue();

        ApiClient.Response paid = pay(id, youthUnion, 500_000, today().minusDays(1), "BL-" + id);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.json().at("/standing/arrears").asLong()).isEqualTo(300_000);
        assertThat(paid.json().at("/instalments/2/state").asString()).isEqualTo("PART_PAID");
        assertThat(paid.json().at("/standing/oldestUnpaidDueOn").asString()).isEqualTo(startsOn.plusMonths(2).toString());
        // The same receipt again (a double click, a retry) is one payment; another amount under it is refused.
        assertThat(pay(id, youthUnion, 500_000, today().minusDays(1), "BL-" + id).json().get("payments")).hasSize(1);
        ApiClient.Response clash = pay(id, youthUnion, 700_000, today().minusDays(1), "BL-" + id);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("code").asString()).isEqualTo("sponsorship.payment-reference-taken");
        ApiClient.Response tomorrow = pay(id, youthUnion, 100_000, today().plusDays(1), null);
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.body()).contains("paidOn");
        assertThat(api.get("/api/v1/sponsorships/" + id, district).json().get("payments")).as("nothing refused was recorded").hasSize(1);

        // The district office records the rest: paid up, off the arrears list.
        ApiClient.Response rest = pay(id, district, 300_000, today(), null);
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(rest.json().at("/standing/arrears").asLong()).isZero();
        assertThat(listedInArrears(id)).isFalse();
        JsonNode ofHousehold = api.get("/api/v1/sponsorships?householdId=" + pupil, district).json();
        assertThat(ofHousehold.get("totalElements").asLong()).isEqualTo(1);
        assertThat(ofHousehold.at("/content/0/standing/paid").asLong()).isEqualTo(800_000);

        // Nobody else changes it: another organisation of the office, an auditor, another office (to whom it does not exist).
        assertThat(pay(id, womensUnion, 200_000, today(), null).status()).isEqualTo(403);
        assertThat(pay(id, auditor, 200_000, today(), null).status()).isEqualTo(403);
        assertThat(pay(id, district1, 200_000, today(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sponsorships/" + id, district1).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sponsorships/" + id, auditor).status()).as("an auditor reads").isEqualTo(200);
        assertThat(mongo.findById(id, Sponsorship.class).getPayments()).hasSize(2);
    }

    @Test
    void aPledgeForASchoolYearAsksAFixedSumAndEndingItEarlyStopsWhatFalls() {
        String pupil = household(THI_TRAN);
        LocalDate startsOn = today().minusMonths(2).withDayOfMonth(1);
        ApiClient.Response pledged = api.postJson("/api/v1/sponsorships", district,
                ApiClient.json(pledge(pupil, startsOn, startsOn.plusMonths(11), 150_000)));
        assertThat(pledged.status()).as(pledged.body()).isEqualTo(201);
        String id = pledged.json().get("id").asString();
        assertThat(pledged.json().at("/standing/committed").asLong()).isEqualTo(12 * 150_000L);
        assertThat(pledged.json().get("instalments")).hasSize(12);
        ApiClient.Response tooMuch = pay(id, district, 1_900_000, today(), null);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("sponsorship.paid-beyond-pledge");

        // The pupil moved school: nothing falls after today, what fell due stays owed.
        ApiClient.Response ended = api.postJson("/api/v1/sponsorships/" + id + "/end", district,
                ApiClient.json(Map.of("on", today().toString(), "reason", "Chuyển trường")));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("state").asString()).isEqualTo("ENDED");
        assertThat(ended.json().at("/standing/committed").asLong()).isEqualTo(3 * 150_000L);
        assertThat(ended.json().at("/standing/arrears").asLong()).isEqualTo(3 * 150_000L);
        assertThat(ended.json().at("/standing/nextDueOn").isNull() || ended.json().at("/standing/nextDueOn").isMissingNode()).isTrue();
        assertThat(api.postJson("/api/v1/sponsorships/" + id + "/end", district,
                ApiClient.json(Map.of("on", today().toString(), "reason", "Chuyển trường"))).status()).as("again: the same").isEqualTo(200);
        assertThat(api.postJson("/api/v1/sponsorships/" + id + "/end", district,
                ApiClient.json(Map.of("on", today().minusDays(1).toString(), "reason", "Nhầm ngày"))).status()).isEqualTo(409);
        assertThat(pay(id, district, 450_000, today(), null).json().at("/standing/arrears").asLong()).isZero();
        assertThat(pay(id, district, 1, today(), null).status()).as("nothing more is asked").isEqualTo(422);
    }

    @Test
    void badInputAndAnotherOfficesFamilyAreRefusedAndNothingIsStored() {
        String pupil = household(THI_TRAN);
        String elsewhere = household(CAU_KHO);
        LocalDate startsOn = today().withDayOfMonth(1);
        long before = mongo.count(new Query(), Sponsorship.class);
        Map<String, Object> twoMonthly = pledge(pupil, startsOn, null, 200_000);
        twoMonthly.put("everyMonths", 2);
        Map<String, Object> backwards = pledge(pupil, startsOn, startsOn.minusDays(1), 200_000);
        Map<String, Object> noSponsor = pledge(pupil, startsOn, null, 200_000);
        noSponsor.remove("sponsor");
        Map<String, Object> fifthMember = pledge(pupil, startsOn, null, 200_000);
        fifthMember.put("memberNumber", 5);
        for (Map<String, Object> bad : List.of(pledge(pupil, startsOn, null, -5), twoMonthly, backwards, noSponsor, fifthMember)) {
            ApiClient.Response refused = api.postJson("/api/v1/sponsorships", district, ApiClient.json(bad));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).contains("application/problem+json");
        }
        assertThat(api.postJson("/api/v1/sponsorships", district, ApiClient.json(pledge("no-such-household", startsOn, null, 1)))
                .status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/sponsorships", district, ApiClient.json(pledge(elsewhere, startsOn, null, 200_000)))
                .status()).as("a family of District 1 is not Củ Chi's to sponsor").isEqualTo(404);
        Map<String, Object> forDistrict1 = pledge(elsewhere, startsOn, null, 200_000);
        forDistrict1.put("officeUnitCode", QUAN_1);
        assertThat(api.postJson("/api/v1/sponsorships", district, ApiClient.json(forDistrict1)).status()).isEqualTo(403);
        assertThat(mongo.count(new Query(), Sponsorship.class)).isEqualTo(before);
    }

    @Test
    void aPledgeMadeToAnEntryLaterMergedAsADuplicateIsListedUnderTheKeptEntry() {
        String kept = household(THI_TRAN);
        String duplicate = household(THI_TRAN);
        String id = api.postJson("/api/v1/sponsorships", district, ApiClient.json(pledge(duplicate, today().withDayOfMonth(1), null, 200_000)))
                .json().get("id").asString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MERGED, duplicate, 1,
                new vn.ansinh.events.registry.HouseholdMerged(duplicate, THI_TRAN, kept, THI_TRAN));
        await().atMost(Duration.ofSeconds(10)).until(() -> replica.find(kept).map(HouseholdReplica.Household::mergedFrom)
                .orElse(List.of()).contains(duplicate));
        JsonNode ofKept = api.get("/api/v1/sponsorships?householdId=" + kept, district).json();
        assertThat(ofKept.get("totalElements").asLong()).isEqualTo(1);
        assertThat(ofKept.at("/content/0/id").asString()).isEqualTo(id);
    }

    @Test
    void aPledgeSentTwiceWithOneIdempotencyKeyIsOnePledge() {
        String pupil = household(THI_TRAN);
        String key = UUID.randomUUID().toString();
        String body = ApiClient.json(pledge(pupil, today().withDayOfMonth(1), null, 200_000));
        ApiClient.Response first = api.postJson("/api/v1/sponsorships", district, body, Map.of("Idempotency-Key", key));
        ApiClient.Response again = api.postJson("/api/v1/sponsorships", district, body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(mongo.count(Query.query(Criteria.where("householdId").is(pupil)), Sponsorship.class)).isEqualTo(1);
        // Who pledged it is in the audit trail.
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.exists(Query.query(Criteria.where("subjectId")
                .is(first.json().get("id").asString())), "audit"));
    }
}
