package vn.ansinh.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.HouseholdPovertyStatusChanged;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.PublishedEvents;
import vn.ansinh.testkit.TestEvents;

class HouseholdProjectionTest extends ReportingServiceTest {

    @Autowired
    MongoTemplate mongo;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theSameEventTwiceAndAnOlderVersionAfterANewerOneChangeNothing() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] registered = json.writeValueAsBytes(household(id, "27547", "POOR"));

        TestEvents.publish(Topics.HOUSEHOLDS.name(), eventId, EventTypes.HOUSEHOLD_REGISTERED, id, 0, registered);
        TestEvents.publish(Topics.HOUSEHOLDS.name(), eventId, EventTypes.HOUSEHOLD_REGISTERED, id, 0, registered);
        TestEvents.publish(Topics.HOUSEHOLDS.name(), UUID.randomUUID().toString(), EventTypes.HOUSEHOLD_REGISTERED, id, 2,
                json.writeValueAsBytes(household(id, "27547", "NEAR_POOR")));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), UUID.randomUUID().toString(), EventTypes.HOUSEHOLD_REGISTERED, id, 1,
                json.writeValueAsBytes(household(id, "26761", "POOR")));
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, marker, 0,
                household(marker, "27547", "NONE"));

        // Same key, same partition: once the marker's partition-mate has been applied, all four were handled.
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(marker, Document.class, HouseholdView.COLLECTION) != null
                && consumedEverythingFor(id));
        Document stored = mongo.findById(id, Document.class, HouseholdView.COLLECTION);
        assertThat(stored.getLong("version")).isEqualTo(2);
        assertThat(stored.getString("povertyStatus")).isEqualTo("NEAR_POOR");
        assertThat(stored.getString("unitCode")).isEqualTo("27547");
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id)), HouseholdView.COLLECTION)).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsStillProjected() {
        String poisonId = "poison-" + UUID.randomUUID();
        String goodId = UUID.randomUUID().toString();

        TestEvents.publish(Topics.HOUSEHOLDS.name(), UUID.randomUUID().toString(), EventTypes.HOUSEHOLD_REGISTERED, poisonId, 0,
                "{not json at all".getBytes(StandardCharsets.UTF_8));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, goodId, 0, household(goodId, "27547", "POOR"));

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(goodId, Document.class, HouseholdView.COLLECTION) != null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                PublishedEvents.readAll("registry.households.reporting-households.dlq"))
                .extracting(PublishedEvents.Event::key).contains(poisonId));
        assertThat(mongo.findById(poisonId, Document.class, HouseholdView.COLLECTION)).isNull();
    }

    @Test
    void aPovertyStatusChangeMovesTheHouseholdAndALateRedeliveryOfTheRegistrationDoesNotMoveItBack() {
        String id = UUID.randomUUID().toString();
        String registeredId = UUID.randomUUID().toString();
        byte[] registered = json.writeValueAsBytes(household(id, "27547", "POOR"));

        TestEvents.publish(Topics.HOUSEHOLDS.name(), registeredId, EventTypes.HOUSEHOLD_REGISTERED, id, 0, registered);
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_POVERTY_STATUS_CHANGED, id, 1,
                new HouseholdPovertyStatusChanged(id, "27547", List.of("NEAR_POOR"), "POOR", "NEAR_POOR",
                        java.time.LocalDate.of(2023, 1, 1)));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), registeredId, EventTypes.HOUSEHOLD_REGISTERED, id, 0, registered);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Document stored = mongo.findById(id, Document.class, HouseholdView.COLLECTION);
            assertThat(stored).isNotNull();
            assertThat(stored.getLong("version")).isEqualTo(1);
            assertThat(stored.getString("povertyStatus")).isEqualTo("NEAR_POOR");
            assertThat(stored.getList("categories", String.class)).containsExactly("NEAR_POOR");
            assertThat(stored.getInteger("memberCount")).isEqualTo(3); // kept from the registration
        });
        String marker = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, marker, 0, household(marker, "27547", "NONE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(marker, Document.class, HouseholdView.COLLECTION) != null);
        assertThat(mongo.findById(id, Document.class, HouseholdView.COLLECTION).getString("povertyStatus")).isEqualTo("NEAR_POOR");
    }

    private boolean consumedEverythingFor(String id) {
        Document stored = mongo.findById(id, Document.class, HouseholdView.COLLECTION);
        return stored != null && stored.getLong("version") == 2;
    }

    static HouseholdRegistered household(String id, String unit, String status) {
        return new HouseholdRegistered(id, unit, List.of("POOR".equals(status) ? "POOR" : "ELDERLY_ALONE"), status, 3,
                Instant.parse("2021-08-01T00:00:00Z"));
    }
}
