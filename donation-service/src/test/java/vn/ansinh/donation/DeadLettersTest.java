package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * A record a consumer cannot process ends in its dead-letter topic; an administrator lists it with
 * the reason and replays it once after a fix: it goes back to its topic unchanged.
 */
class DeadLettersTest extends DonationServiceTest {

    final String admin = TestTokens.bearer("VN", "ADMIN");

    @Test
    void anUnreadableEventIsListedWithItsReasonAndReplayedOnce() {
        String eventId = UUID.randomUUID().toString();
        String campaign = "unreadable-" + eventId;
        TestEvents.publish(Topics.CAMPAIGNS.name(), eventId, EventTypes.CAMPAIGN_RESERVATION_REQUESTED, campaign, 0,
                "{not json".getBytes(StandardCharsets.UTF_8));

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> find(eventId), found -> found != null);

        assertThat(letter.get("source").asString()).isEqualTo("CONSUMER");
        assertThat(letter.get("topic").asString()).isEqualTo(Topics.CAMPAIGNS.name());
        assertThat(letter.get("group").asString()).isEqualTo("donation-campaigns");
        assertThat(letter.get("type").asString()).isEqualTo(EventTypes.CAMPAIGN_RESERVATION_REQUESTED);
        assertThat(letter.get("error").asString()).contains("unreadable payload");
        assertThat(letter.has("replayedAt")).isFalse();
        assertThat(api.get("/api/v1/admin/dead-letters", TestTokens.bearer("783", "OFFICER", "APPROVER")).status()).isEqualTo(403);

        long copiesBefore = copiesOnTopic(campaign);
        String path = "/api/v1/admin/dead-letters/" + letter.get("id").asString() + "/replay";
        JsonNode replayed = api.postJson(path, admin, "{}").json();
        api.postJson(path, admin, "{}");

        assertThat(replayed.get("replayedAt").isNull()).isFalse();
        assertThat(replayed.get("replayedBy").asString()).isEqualTo("test-client-VN");
        await().atMost(Duration.ofSeconds(20)).until(() -> copiesOnTopic(campaign) == copiesBefore + 1);
        assertThat(copiesOnTopic(campaign)).as("pressed twice, sent once").isEqualTo(copiesBefore + 1);
        assertThat(api.postJson("/api/v1/admin/dead-letters/dlq:nothing:0:0/replay", admin, "{}").status()).isEqualTo(404);
    }

    @Test
    void anAuditRecordTheTrailCouldNotTakeIsStoredInTheTrailWhenReplayedNotSentToTheBroker() {
        String recordId = UUID.randomUUID().toString();
        String fundId = "quy-" + recordId;
        org.bson.Document record = new org.bson.Document("_id", recordId).append("at", new java.util.Date()).append("kind", "CHANGE")
                .append("action", "fund.opened").append("subjectType", "fund").append("subjectId", fundId).append("unitCode", "783")
                .append("actor", "hoa.le").append("changes", java.util.List.of());
        // As the relay leaves it after repeated failures to store it in the trail.
        mongo.insert(new org.bson.Document("_id", recordId).append("collection", "funds").append("aggregateId", fundId)
                .append("topic", "local.audit").append("type", "fund.opened").append("subject", fundId).append("sequence", 0L)
                .append("time", new java.util.Date()).append("payload", null).append("auditRecord", record)
                .append("error", "Audit record not stored").append("failedAt", new java.util.Date()).append("attempts", 5),
                "outbox_dead_letters");
        JsonNode letter = find(recordId);
        assertThat(letter.get("source").asString()).isEqualTo("OUTBOX");

        JsonNode replayed = api.postJson("/api/v1/admin/dead-letters/" + letter.get("id").asString() + "/replay", admin, "{}").json();

        assertThat(replayed.get("replayedAt").isNull()).isFalse();
        org.bson.Document stored = mongo.findById(recordId, org.bson.Document.class, "audit");
        assertThat(stored).as("in the trail").isNotNull();
        assertThat(stored.getString("subjectId")).isEqualTo(fundId);
        assertThat(stored.getString("actor")).isEqualTo("hoa.le");
    }

    private JsonNode find(String eventId) {
        for (JsonNode letter : api.get("/api/v1/admin/dead-letters", admin).json()) {
            if (eventId.equals(letter.path("eventId").asString(null)) && !letter.has("replayedAt")) {
                return letter;
            }
        }
        return null;
    }

    private static long copiesOnTopic(String campaign) {
        return PublishedEvents.readAll(Topics.CAMPAIGNS.name()).stream().filter(e -> campaign.equals(e.key())).count();
    }
}
