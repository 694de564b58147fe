package vn.ansinh.registry.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.registry.RegistryServiceTest;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * Feedback from residents without an account, and the office's handling of it: the resident follows it
 * by tracking code and reads the answer; officers of its area triage, assign, link, answer and close it
 * by a deadline; nothing the resident wrote leaves the registry.
 */
class FeedbackTest extends RegistryServiceTest {

    /** Each test sends from its own address: the public form is rate limited per address. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MongoTemplate mongo;

    @Test
    void aResidentIsAnsweredAndTheOfficeKeepsEveryStep() {
        ApiClient.Response sent = submit(Map.of("kind", "LEFT_OFF", "unitCode", TAN_THANH_DONG, "hamlet", "Ấp Cây Sộp",
                "message", "Nhà bà Nguyễn Thị Bảy ở ấp Cây Sộp bị bỏ sót trong danh sách nhận gạo", "phone", "0912345678"), address());
        assertThat(sent.status()).isEqualTo(202);
        String code = sent.json().get("trackingCode").asString();
        assertThat(sent.headers().get("location")).endsWith("/api/v1/public/feedback/" + code);

        JsonNode publicView = api.get("/api/v1/public/feedback/" + code, null).json();
        assertThat(publicView.get("state").asString()).isEqualTo("RECEIVED");
        assertThat(publicView.toString()).doesNotContain("Nguyễn Thị Bảy", "0912345678");

        JsonNode listed = api.get("/api/v1/feedback?unit=" + CU_CHI + "&kind=LEFT_OFF&state=RECEIVED&size=200", officer()).json();
        String id = findByCode(listed, code).get("id").asString();
        JsonNode read = api.get("/api/v1/feedback/" + id, officer()).json();
        assertThat(read.get("message").asString()).contains("bị bỏ sót");
        assertThat(read.get("phone").asString()).isEqualTo("0912345678");
        assertThat(read.get("overdue").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.parse(read.get("submittedAt").asString()), Instant.parse(read.get("deadline").asString())))
                .isEqualTo(Duration.ofDays(10));
        assertThat(api.get("/api/v1/audit?subject=" + id + "&action=feedback.read", TestTokens.bearer(CU_CHI, "AUDITOR")).json()
                .get("totalElements").asLong()).isEqualTo(1);

        String household = api.postJson("/api/v1/households", officer(), ApiClient.json(household(TAN_THANH_DONG))).json()
                .get("id").asString();
        assertThat(post(id, "assign", Map.of("assignee", "lan.nguyen")).json().get("state").asString()).isEqualTo("ASSIGNED");
        assertThat(post(id, "link", Map.of("householdId", household, "campaignId", "tet-2026")).json().get("householdId").asString())
                .isEqualTo(household);
        assertThat(post(id, "close", Map.of()).json().get("code").asString()).isEqualTo("feedback.unanswered");
        assertThat(post(id, "answer", Map.of("answer", "Hộ đã được bổ sung vào danh sách đợt 2, nhận gạo ngày 20/01.")).status())
                .isEqualTo(200);
        JsonNode closed = post(id, "close", Map.of("note", "Đã xác minh tại ấp")).json();
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history").findValuesAsString("action"))
                .containsExactly("RECEIVED", "ASSIGNED", "LINKED", "ANSWERED", "CLOSED");
        assertThat(post(id, "answer", Map.of("answer", "Sửa lại")).json().get("code").asString()).isEqualTo("feedback.closed");

        JsonNode answered = api.get("/api/v1/public/feedback/" + code, null).json();
        assertThat(answered.get("state").asString()).isEqualTo("CLOSED");
        assertThat(answered.get("answer").asString()).contains("đợt 2");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<PublishedEvents.Event> events = PublishedEvents.readAll(Topics.NEEDS.name()).stream()
                    .filter(e -> id.equals(e.key())).toList();
            assertThat(events).extracting(PublishedEvents.Event::type).containsOnly(EventTypes.FEEDBACK_RECORDED).hasSize(5);
            assertThat(events.get(4).payload()).contains("\"state\":\"CLOSED\"", "\"kind\":\"LEFT_OFF\"", household)
                    .doesNotContain("Nguyễn", "0912345678", "bỏ sót", "đợt 2");
        });
    }

    @Test
    void badFeedbackIsRefusedAndNothingIsStored() {
        long before = mongo.count(new Query(), Feedback.class);
        String from = address();
        assertThat(submit(Map.of("kind", "COMPLAINT", "unitCode", TAN_THANH_DONG, "message", "x"), from).status()).isEqualTo(400);
        assertThat(submit(Map.of("kind", "OTHER", "unitCode", TAN_THANH_DONG, "message", " "), from).status()).isEqualTo(400);
        assertThat(submit(Map.of("kind", "OTHER", "unitCode", TAN_THANH_DONG, "message", "Hỏi", "phone", "12345"), from).status())
                .isEqualTo(400);
        assertThat(submit(Map.of("kind", "OTHER", "unitCode", TAN_THANH_DONG, "message", "x".repeat(2001)), from).status())
                .isEqualTo(400);
        assertThat(submit(Map.of("kind", "OTHER", "unitCode", "99999", "message", "Hỏi"), from).status()).isEqualTo(422);
        assertThat(api.post("/api/v1/public/feedback", null, "application/json", "{\"kind\":".getBytes(), Map.of("X-Forwarded-For", from))
                .status()).isEqualTo(400);
        assertThat(mongo.count(new Query(), Feedback.class)).isEqualTo(before);
    }

    @Test
    void anotherDistrictNeitherSeesNorHandlesIt() {
        String id = idOf(submit(Map.of("kind", "AID_NOT_RECEIVED", "unitCode", TAN_THANH_DONG, "message", "Chưa nhận tiền hỗ trợ"),
                address()));
        String quan1 = TestTokens.bearer(QUAN_1, "OFFICER");
        assertThat(api.get("/api/v1/feedback/" + id, quan1).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/feedback/" + id + "/answer", quan1, ApiClient.json(Map.of("answer", "x"))).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/feedback?unit=" + CU_CHI, quan1).status()).isEqualTo(403);
        assertThat(api.postJson("/api/v1/feedback/" + id + "/answer", TestTokens.bearer(CU_CHI, "AUDITOR"),
                ApiClient.json(Map.of("answer", "x"))).status()).isEqualTo(403);
        String quan1Household = api.postJson("/api/v1/households", quan1, ApiClient.json(household(CAU_KHO))).json().get("id").asString();
        assertThat(post(id, "link", Map.of("householdId", quan1Household)).status()).isEqualTo(404);
        assertThat(post(id, "link", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void feedbackPastItsDeadlineWithoutAnAnswerIsListedAndCountedAsOverdue() {
        String late = idOf(submit(Map.of("kind", "AID_NOT_RECEIVED", "unitCode", TAN_THANH_DONG, "message", "Chưa nhận gạo"), address()));
        String onTime = idOf(submit(Map.of("kind", "OTHER", "unitCode", TAN_THANH_DONG, "message", "Hỏi lịch phát quà"), address()));
        // Six days later: aid not received had five days.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(late)),
                Update.update("deadline", Instant.now().minus(Duration.ofDays(1))), Feedback.class);

        JsonNode overdue = api.get("/api/v1/feedback?unit=" + TAN_THANH_DONG + "&overdue=true&size=200", officer()).json();
        List<String> overdueIds = overdue.get("content").findValuesAsString("id");
        assertThat(overdueIds).contains(late).doesNotContain(onTime);
        assertThat(overdue.get("totalElements").asLong()).isEqualTo(overdueIds.size());
        assertThat(api.get("/api/v1/feedback/" + late, officer()).json().get("overdue").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/feedback?unit=" + TAN_THANH_DONG + "&overdue=false&size=200", officer()).json()
                .get("content").findValuesAsString("id")).contains(onTime).doesNotContain(late);

        post(late, "answer", Map.of("answer", "Đã liên hệ, hộ nhận gạo ngày mai."));
        assertThat(api.get("/api/v1/feedback?unit=" + TAN_THANH_DONG + "&overdue=true&size=200", officer()).json()
                .get("content").findValuesAsString("id")).doesNotContain(late);
    }

    @Test
    void oneAddressSendingTooMuchIsSlowedDown() {
        List<Integer> statuses = new ArrayList<>();
        String from = "203.0.113.77";
        for (int i = 0; i < 40 && !statuses.contains(429); i++) {
            statuses.add(submit(Map.of("kind", "OTHER", "unitCode", TAN_THANH_DONG, "message", "Hỏi " + i), from).status());
        }
        assertThat(statuses).contains(429);
    }

    private ApiClient.Response submit(Map<String, Object> body, String from) {
        return api.postJson("/api/v1/public/feedback", null, ApiClient.json(body), Map.of("X-Forwarded-For", from));
    }

    private String idOf(ApiClient.Response sent) {
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String code = sent.json().get("trackingCode").asString();
        return findByCode(api.get("/api/v1/feedback?unit=" + TAN_THANH_DONG + "&size=2000", officer()).json(), code).get("id").asString();
    }

    private ApiClient.Response post(String id, String action, Map<String, Object> body) {
        return api.postJson("/api/v1/feedback/" + id + "/" + action, officer(), ApiClient.json(body));
    }

    private static JsonNode findByCode(JsonNode page, String code) {
        for (JsonNode item : page.get("content")) {
            if (code.equals(item.get("trackingCode").asString())) {
                return item;
            }
        }
        throw new AssertionError("feedback " + code + " not listed");
    }

    private static String address() {
        return "198.51.100." + ADDRESS.incrementAndGet();
    }

    private static String officer() {
        return TestTokens.bearer(CU_CHI, "OFFICER");
    }
}
