package vn.ansinh.registry.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * A resident reports a need through the public link without an account; the commune verifies it and
 * the district approves it, registering the household. All calls come from one address, so the rate
 * limit (30 a minute in tests) is checked last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicNeedsTest extends RegistryServiceTest {

    final String communeOfficer = TestTokens.bearer(TAN_THANH_DONG, "OFFICER");
    final String districtApprover = TestTokens.bearer(CU_CHI, "OFFICER", "APPROVER");

    @Autowired
    MongoTemplate mongo;

    @Test
    @Order(1)
    void aResidentGetsATrackingCodeAndTheStatusShowsNothingPersonal() {
        ApiClient.Response submitted = submit(Map.of("fullName", "Nguyễn Thị Cúc", "phone", "0987654321",
                "unitCode", TAN_THANH_DONG, "hamlet", "Ấp Bến Đò", "needs", List.of("FOOD", "MEDICINE"),
                "note", "Chồng mất việc, con nhỏ"));

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        String code = submitted.json().get("trackingCode").asString();
        assertThat(code).matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$");
        ApiClient.Response status = api.get("/api/v1/public/needs/" + code, null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(status.body()).doesNotContain("Cúc", "0987654321", "Bến Đò", "Chồng");
        assertThat(api.get("/api/v1/public/needs/AAAA-BBBB-CC", null).status()).isEqualTo(404);
        String id = needIdOf(code);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventsOf(id))
                .extracting(PublishedEvents.Event::type).containsExactly(EventTypes.NEED_SUBMITTED));
        assertThat(eventsOf(id).get(0).payload()).doesNotContain("Cúc", "0987654321", "Chồng");
    }

    @Test
    @Order(2)
    void badSubmissionsAreRefusedAndNothingIsStoredOrPublished() {
        long needsBefore = mongo.count(new Query(), Need.class);
        long eventsBefore = PublishedEvents.readAll(Topics.NEEDS.name()).size();

        ApiClient.Response noPhone = submit(Map.of("fullName", "Trần Văn Út", "unitCode", TAN_THANH_DONG, "needs", List.of("FOOD")));
        ApiClient.Response badKind = api.postJson("/api/v1/public/needs", null,
                "{\"fullName\":\"A\",\"phone\":\"0987654321\",\"unitCode\":\"27547\",\"needs\":[\"GOLD\"]}");
        ApiClient.Response unknownUnit = submit(Map.of("fullName", "Trần Văn Út", "phone", "0987654321",
                "unitCode", "99999", "needs", List.of("FOOD")));

        // A number, markup or an unknown field from the public form: refused, nothing stored.
        ApiClient.Response numberAsName = api.postJson("/api/v1/public/needs", null,
                "{\"fullName\":1.5,\"phone\":\"0987654321\",\"unitCode\":\"27547\",\"needs\":[\"FOOD\"]}");
        ApiClient.Response markupAsName = submit(Map.of("fullName", "<script>alert(1)</script>", "phone", "0987654321",
                "unitCode", TAN_THANH_DONG, "needs", List.of("FOOD")));
        ApiClient.Response unknownField = api.postJson("/api/v1/public/needs", null,
                "{\"fullName\":\"Trần Văn Út\",\"phone\":\"0987654321\",\"unitCode\":\"27547\",\"needs\":[\"FOOD\"],\"admin\":true}");
        for (ApiClient.Response refused : List.of(numberAsName, markupAsName, unknownField)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(unknownUnit.status()).isEqualTo(422);
        assertThat(unknownUnit.contentType()).startsWith("application/problem+json");
        assertThat(mongo.count(new Query(), Need.class)).isEqualTo(needsBefore);
        assertThat(PublishedEvents.readAll(Topics.NEEDS.name())).hasSize((int) eventsBefore);
    }

    @Test
    @Order(3)
    void theCommuneVerifiesTheDistrictApprovesAndTheHouseholdIsRegistered() {
        String code = submit(Map.of("fullName", "Lê Thị Hồng", "phone", "0911222333", "unitCode", TAN_THANH_DONG,
                "needs", List.of("CASH"))).json().get("trackingCode").asString();
        String id = needIdOf(code);
        assertThat(api.get("/api/v1/needs/" + id, TestTokens.bearer(QUAN_1, "OFFICER")).status())
                .as("another district does not see it").isEqualTo(404);

        assertThat(api.postJson("/api/v1/needs/" + id + "/approve", districtApprover, ApiClient.json(Map.of("household",
                household()))).status()).as("not before it is verified").isEqualTo(409);
        assertThat(api.postJson("/api/v1/needs/" + id + "/verify", communeOfficer,
                ApiClient.json(Map.of("reason", "Đã đến nhà kiểm tra"))).json().get("state").asString()).isEqualTo("VERIFIED");
        assertThat(api.postJson("/api/v1/needs/" + id + "/approve", communeOfficer, ApiClient.json(Map.of("household",
                household()))).status()).as("the commune cannot approve").isEqualTo(403);

        ApiClient.Response approved = api.postJson("/api/v1/needs/" + id + "/approve", districtApprover,
                ApiClient.json(Map.of("household", household(), "reason", "Đủ điều kiện hỗ trợ")));

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String householdId = approved.json().get("householdId").asString();
        assertThat(api.get("/api/v1/households/" + householdId, communeOfficer).json().get("headName").asString())
                .isEqualTo("Lê Thị Hồng");
        assertThat(api.get("/api/v1/public/needs/" + code, null).json().get("state").asString()).isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventsOf(id)).extracting(PublishedEvents.Event::type)
                .containsExactly(EventTypes.NEED_SUBMITTED, EventTypes.NEED_VERIFIED, EventTypes.NEED_APPROVED));
        assertThat(eventsOf(id).get(2).payload()).contains(householdId).doesNotContain("0911222333", "Hồng");
        // Each decision is in the audit trail with who took it; the events above stay free of personal data.
        String auditor = TestTokens.bearer(CU_CHI, "AUDITOR");
        JsonNode trail = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/audit?subject=" + id, auditor).json(),
                page -> page.path("totalElements").asLong() == 3);
        assertThat(trail.path("content").get(0).path("action").asString()).isEqualTo("need.approved");
        assertThat(trail.path("content").get(0).path("actor").asString()).isEqualTo("test-client-" + CU_CHI);
        assertThat(trail.path("content").get(0).path("changes").toString()).contains("\"before\":\"VERIFIED\",\"after\":\"APPROVED\"");
        assertThat(trail.path("content").get(1).path("action").asString()).isEqualTo("need.verified");
        assertThat(trail.path("content").get(2).path("action").asString()).isEqualTo("need.submitted");
        assertThat(trail.path("content").get(2).path("actor").asString()).as("a resident, without an account")
                .isEqualTo("system:registry-service");
    }

    @Test
    @Order(4)
    void aRejectionNeedsAReasonAndIsFinal() {
        String id = needIdOf(submit(Map.of("fullName", "Phạm Văn Lộc", "phone", "0911222444", "unitCode", TAN_THANH_DONG,
                "needs", List.of("SHELTER"))).json().get("trackingCode").asString());

        assertThat(api.postJson("/api/v1/needs/" + id + "/reject", communeOfficer, "{}").status()).isEqualTo(400);
        ApiClient.Response rejected = api.postJson("/api/v1/needs/" + id + "/reject", communeOfficer,
                ApiClient.json(Map.of("reason", "Đã được hỗ trợ xây nhà năm 2024")));

        assertThat(rejected.json().get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("history").get(1).get("reason").asString()).contains("2024");
        assertThat(api.postJson("/api/v1/needs/" + id + "/verify", communeOfficer, "{}").status()).isEqualTo(409);
        assertThat(api.get("/api/v1/needs?state=REJECTED&size=2000", communeOfficer).body()).contains(id);
    }

    @Test
    @Order(5)
    void oneAddressSendingTooManyRequestsIsToldToWait() {
        List<Integer> statuses = new ArrayList<>();
        ApiClient.Response last = null;
        for (int i = 0; i < 40 && !statuses.contains(429); i++) {
            last = api.get("/api/v1/public/needs/AAAA-BBBB-CC", null);
            statuses.add(last.status());
        }

        assertThat(statuses).contains(429);
        assertThat(last.headers().get("retry-after")).isNotBlank();
        assertThat(last.contentType()).startsWith("application/problem+json");
    }

    @Test
    @Order(6)
    void aTrustedProxyPassesTheResidentsAddressAndNobodyElseCanChooseIt() throws Exception {
        List<Integer> viaProxy = new ArrayList<>();
        for (int i = 0; i < 40 && !viaProxy.contains(429); i++) {
            viaProxy.add(api.get("/api/v1/public/needs/AAAA-BBBB-CC", null, Map.of("X-Forwarded-For", "203.0.113.7")).status());
        }
        assertThat(viaProxy).as("one resident behind the proxy is limited").contains(429);
        assertThat(api.get("/api/v1/public/needs/AAAA-BBBB-CC", null, Map.of("X-Forwarded-For", "203.0.113.8")).status())
                .as("another resident behind the same proxy is not").isEqualTo(404);

        // A client that is not a trusted proxy (127.0.0.2) cannot escape its limit by naming other addresses.
        List<Integer> spoofed = new ArrayList<>();
        for (int i = 0; i < 40 && !spoofed.contains(429); i++) {
            spoofed.add(statusFrom("127.0.0.2", "/api/v1/public/needs/AAAA-BBBB-CC", "198.51.100." + i));
        }
        assertThat(spoofed).contains(429);
    }

    /** A GET sent from a chosen loopback address, with an X-Forwarded-For header; returns the status. */
    private int statusFrom(String localAddress, String path, String forwardedFor) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private Map<String, Object> household() {
        return Map.of("headName", "Lê Thị Hồng", "members", List.of(Map.of("fullName", "Lê Thị Hồng",
                        "dateOfBirth", "1979-09-09", "gender", "FEMALE", "relation", "HEAD")),
                "address", Map.of("unitCode", TAN_THANH_DONG), "phone", "0911222333", "categories", List.of("NEAR_POOR"));
    }

    private ApiClient.Response submit(Map<String, Object> need) {
        return api.postJson("/api/v1/public/needs", null, ApiClient.json(need));
    }

    @Test
    void aTrackingCodeIsUniqueInTheDatabaseItself() {
        String code = "TEST-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mongo.getCollection("needs").insertOne(new org.bson.Document("_id", java.util.UUID.randomUUID().toString())
                .append("trackingCode", code));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mongo.getCollection("needs").insertOne(
                        new org.bson.Document("_id", java.util.UUID.randomUUID().toString()).append("trackingCode", code)))
                .isInstanceOf(com.mongodb.MongoWriteException.class).hasMessageContaining("duplicate key");
        mongo.getCollection("needs").deleteMany(new org.bson.Document("trackingCode", code));
    }

    private String needIdOf(String trackingCode) {
        for (JsonNode need : api.get("/api/v1/needs?size=2000&unit=" + TAN_THANH_DONG, communeOfficer).json().get("content")) {
            if (need.get("trackingCode").asString().equals(trackingCode)) {
                return need.get("id").asString();
            }
        }
        throw new AssertionError("no need with code " + trackingCode);
    }

    private List<PublishedEvents.Event> eventsOf(String needId) {
        return PublishedEvents.readAll(Topics.NEEDS.name()).stream().filter(e -> needId.equals(e.key())).toList();
    }
}
