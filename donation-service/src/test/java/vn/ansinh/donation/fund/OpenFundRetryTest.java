package vn.ansinh.donation.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.donation.DonationServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestTokens;

/**
 * A fund opened (or a donor recorded) with an Idempotency-Key is created once, also when the instance
 * that created it died before its answer was recorded (the key's record is then dropped as abandoned and
 * the retry runs again): the id comes from the caller's key, so the retry finds what it created.
 */
class OpenFundRetryTest extends DonationServiceTest {

    @Test
    void aRetryAfterTheAnsweringInstanceDiedFindsTheFundItOpened() {
        String name = "Quỹ Cứu trợ bão số 3 - " + System.nanoTime();
        String body = ApiClient.json(Map.of("name", name, "officeUnitCode", "783", "purpose", "Cứu trợ sau bão"));
        Map<String, String> key = Map.of("Idempotency-Key", "open-storm-fund-" + name.hashCode());

        ApiClient.Response first = api.postJson("/api/v1/funds", TestTokens.bearer("783", "OFFICER"), body, key);
        mongo.remove(new Query(), "idempotency_keys"); // the answering instance died before recording the answer
        ApiClient.Response retry = api.postJson("/api/v1/funds", TestTokens.bearer("783", "OFFICER"), body, key);
        ApiClient.Response anotherOffice = api.postJson("/api/v1/funds", TestTokens.bearer("79", "OFFICER"),
                ApiClient.json(Map.of("name", name, "officeUnitCode", "79", "purpose", "Cứu trợ sau bão")), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(anotherOffice.status()).isEqualTo(201);
        assertThat(anotherOffice.json().get("id").asString()).as("the key is the caller's own").isNotEqualTo(first.json().get("id").asString());
        assertThat(mongo.count(Query.query(Criteria.where("name").is(name)), Fund.class)).as("one fund per office").isEqualTo(2);
    }

    @Test
    void aDonorRecordedAgainAfterTheAnsweringInstanceDiedIsRecordedOnce() {
        String name = "Công ty TNHH Gạo Sạch " + System.nanoTime();
        String body = ApiClient.json(Map.of("name", name, "kind", "BUSINESS"));
        Map<String, String> key = Map.of("Idempotency-Key", "donor-" + name.hashCode());

        ApiClient.Response first = api.postJson("/api/v1/donors", TestTokens.bearer("783", "OFFICER"), body, key);
        mongo.remove(new Query(), "idempotency_keys");
        ApiClient.Response retry = api.postJson("/api/v1/donors", TestTokens.bearer("783", "OFFICER"), body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(mongo.count(Query.query(Criteria.where("name").is(name)), "donors")).isEqualTo(1);
    }
}
