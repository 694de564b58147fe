package vn.ansinh.reporting.rebuild;

import vn.ansinh.reporting.projection.CashDonationView;
import vn.ansinh.reporting.projection.HouseholdView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.registry.HouseholdMoved;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.reporting.projection.ReadModels;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/** Dropping every read model and replaying the topics from offset 0 gives back exactly what the live consumers built. */
class RebuildTest extends ReportingServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void theRebuiltReadModelsEqualTheLiveOnes() {
        String household = UUID.randomUUID().toString();
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, household, 1,
                new HouseholdRegistered(household, TAN_THANH_DONG, List.of("POOR"), "POOR", 4, Instant.now(), "Ấp Chợ"));
        TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_MOVED, household, 2,
                new HouseholdMoved(household, TAN_THANH_DONG, CAU_KHO, List.of("POOR"), "POOR", LocalDate.now(), null));
        String donation = UUID.randomUUID().toString();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, donation, 0,
                new CashDonationReceived(donation, "fund-rebuild", CU_CHI, 1_000_000L, "BANK", Instant.now()));
        // Two events a rebuild cannot use: a payload that is not JSON, and a donation of nothing. They are skipped, not fatal.
        TestEvents.publish(Topics.DONATIONS.name(), UUID.randomUUID().toString(), EventTypes.CASH_DONATION_RECEIVED,
                UUID.randomUUID().toString(), 0, "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String nothing = UUID.randomUUID().toString();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, nothing, 0,
                new CashDonationReceived(nothing, "fund-rebuild", CU_CHI, 0L, "BANK", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(donation, Document.class, CashDonationView.COLLECTION) != null
                && CAU_KHO.equals(mongo.findById(household, Document.class, HouseholdView.COLLECTION).getString("unitCode")));
        // Whatever other tests published has been consumed when two looks a second apart agree.
        AtomicReference<Map<String, List<Document>>> previous = new AtomicReference<>();
        Map<String, List<Document>> live = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::readModels, snapshot -> snapshot.equals(previous.getAndSet(snapshot)));
        JsonNode liveFigures = figures();

        var started = api.send("POST", "/api/v1/admin/rebuild", TestTokens.bearer("VN", "ADMIN"), "");
        assertThat(started.status()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(
                () -> api.get("/api/v1/admin/rebuild", TestTokens.bearer("VN", "ADMIN")).json(),
                status -> !status.get("state").asString().equals("READING") && !status.get("state").asString().equals("WRITING"));
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("eventsRead").asLong()).isEqualTo(done.get("eventsTotal").asLong()).isPositive();
        assertThat(done.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.get("eventsSkipped").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(mongo.findById(nothing, Document.class, CashDonationView.COLLECTION)).isNull();

        assertThat(readModels()).isEqualTo(live);
        assertThat(figures()).isEqualTo(liveFigures);
        // Live consumption goes on after the rebuild.
        String after = UUID.randomUUID().toString();
        TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, after, 0,
                new CashDonationReceived(after, "fund-rebuild", CU_CHI, 2_000_000L, "BANK", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(after, Document.class, CashDonationView.COLLECTION) != null);
    }

    private JsonNode figures() {
        var units = api.get("/api/v1/reports/units?unit=VN", TestTokens.bearer("VN", "AUDITOR")).json();
        var campaigns = api.get("/api/v1/reports/campaigns?unit=VN", TestTokens.bearer("VN", "AUDITOR")).json();
        var funds = api.get("/api/v1/reports/funds?unit=VN", TestTokens.bearer("VN", "AUDITOR")).json();
        return JsonMapper.builder().build().createObjectNode()
                .set("units", units).set("campaigns", campaigns).set("funds", funds);
    }

    private Map<String, List<Document>> readModels() {
        Map<String, List<Document>> all = new TreeMap<>();
        for (String collection : ReadModels.ALL) {
            List<Document> documents = new ArrayList<>(mongo.findAll(Document.class, collection));
            documents.sort(Comparator.comparing(d -> d.get("_id").toString()));
            all.put(collection, documents);
        }
        return all;
    }
}
