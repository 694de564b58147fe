package vn.ansinh.registry.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ansinh.events.EventTypes;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.events.Topics;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/** Registering households over HTTP against the real broker and the Mongo wire server. */
class HouseholdRegistrationTest extends RegistryServiceTest {

    @Autowired
    HouseholdRepository households;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void registeredHouseholdIsStoredAndPublishedWithoutPersonalData() {
        ApiClient.Response created = registerIn(TAN_THANH_DONG, TestTokens.bearer(CU_CHI, "OFFICER"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.headers().get("location")).endsWith("/api/v1/households/" + id);
        assertThat(households.findById(id)).get().extracting(Household::getHeadName).isEqualTo("Nguyễn Thị Bảy");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<PublishedEvents.Event> events = PublishedEvents.readAll(Topics.HOUSEHOLDS.name()).stream()
                    .filter(e -> id.equals(e.key())).toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).type()).isEqualTo(EventTypes.HOUSEHOLD_REGISTERED);
            assertThat(events.get(0).subject()).isEqualTo(id);
            assertThat(events.get(0).sequence()).isZero();
            assertThat(events.get(0).payload()).contains("\"unitCode\":\"27547\"").contains("\"POOR\"")
                    .doesNotContain("Bảy").doesNotContain("079158000123").doesNotContain("0912345678");
        });
        assertThat(households.findById(id).orElseThrow()).extracting("outbox").asList().isEmpty();
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstHouseholdAndStoresOne() {
        long before = households.count();
        String body = ApiClient.json(household(TAN_THANH_DONG));
        Map<String, String> key = Map.of("Idempotency-Key", "register-bay-once");

        ApiClient.Response first = api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"), body, key);
        ApiClient.Response repeat = api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(households.count()).isEqualTo(before + 1);
    }

    /**
     * The instance that saved the household died before it could record its answer to the key (its
     * IN_PROGRESS record is dropped as abandoned): the client's retry, on any instance, runs again
     * and must find the household the first attempt saved rather than register the family twice.
     */
    @Test
    void aRetryAfterTheAnsweringInstanceDiedFindsTheHouseholdItSaved() {
        long before = households.count();
        String body = ApiClient.json(household(TAN_THANH_DONG));
        Map<String, String> key = Map.of("Idempotency-Key", "register-bay-crash");
        ApiClient.Response first = api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"), body, key);
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "idempotency_keys");

        ApiClient.Response retry = api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"), body, key);
        ApiClient.Response anotherOffice = api.postJson("/api/v1/households", TestTokens.bearer("79", "OFFICER"),
                body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(anotherOffice.json().get("id").asString()).as("the key is the caller's own").isNotEqualTo(first.json().get("id").asString());
        assertThat(households.count()).isEqualTo(before + 2);
    }

    @Test
    void aCommuneOfficeCannotRegisterInAnotherDistrict() {
        ApiClient.Response refused = registerIn(CAU_KHO, TestTokens.bearer(TAN_THANH_DONG, "OFFICER"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("out-of-scope");
    }

    @Test
    void anOfficeCannotReadAHouseholdOutsideItsArea() {
        String id = registerIn(TAN_THANH_DONG, TestTokens.bearer(CU_CHI, "OFFICER")).json().get("id").asString();

        assertThat(api.get("/api/v1/households/" + id, TestTokens.bearer(CU_CHI, "OFFICER")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/households/" + id, TestTokens.bearer(QUAN_1, "OFFICER")).status()).isEqualTo(404);
    }

    @Test
    void unknownUnitIsRefusedWithAClearReason() {
        ApiClient.Response refused = registerIn("99999", TestTokens.bearer("VN", "OFFICER"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("unknown-unit");
    }

    @Test
    void vietnameseByDefaultEnglishOnRequest() {
        ApiClient.Response vietnamese = api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"), "{");
        ApiClient.Response english = api.postJson("/api/v1/households", TestTokens.bearer(CU_CHI, "OFFICER"), "{",
                Map.of("Accept-Language", "en"));

        assertThat(vietnamese.json().get("title").asString()).isEqualTo("Nội dung yêu cầu sai định dạng");
        assertThat(english.json().get("title").asString()).isEqualTo("Malformed request body");
    }

    ApiClient.Response registerIn(String unitCode, String bearer) {
        return api.postJson("/api/v1/households", bearer, ApiClient.json(household(unitCode)));
    }
}
