package vn.ansinh.reporting.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestTokens;

/**
 * An open dashboard follows every kind of change, though between changes it keeps the parts of the
 * figures whose read models did not change: households after a run of donations, donations after a
 * household. A donation event published twice counts once.
 */
class LiveFiguresTest extends ReportingServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    @Test
    void aStreamFollowsHouseholdsAndCashAndCountsADonationPublishedTwiceOnce() throws Exception {
        AtomicReference<JsonNode> newest = new AtomicReference<>();
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/stream?unit=" + QUAN_1))
                .header("Authorization", TestTokens.bearer(QUAN_1, "OFFICER")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.body().filter(line -> line.startsWith("data:"))
                .forEach(line -> newest.set(JSON.readTree(line.substring(5)).get("figures").get("total"))));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> newest.get() != null);
            long households = newest.get().get("households").asLong();
            long cash = newest.get().get("cashReceived").asLong();
            long donations = newest.get().get("cashDonations").asLong();

            registerHouseholds(3);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(figure(newest, "households")).isEqualTo(households + 3));

            String gift = UUID.randomUUID().toString();
            byte[] payload = JSON.writeValueAsBytes(new CashDonationReceived(gift, "fund-quan-1", QUAN_1, 1_000_000L, "BANK", Instant.now()));
            String eventId = UUID.randomUUID().toString();
            TestEvents.publish(Topics.DONATIONS.name(), eventId, EventTypes.CASH_DONATION_RECEIVED, gift, 0, payload);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(figure(newest, "cashReceived")).isEqualTo(cash + 1_000_000L);
                assertThat(figure(newest, "cashDonations")).isEqualTo(donations + 1);
            });
            assertThat(figure(newest, "households")).isEqualTo(households + 3);

            double ignoredBefore = ignoredDonations();
            TestEvents.publish(Topics.DONATIONS.name(), eventId, EventTypes.CASH_DONATION_RECEIVED, gift, 0, payload); // sent twice
            await().atMost(Duration.ofSeconds(20)).until(() -> ignoredDonations() > ignoredBefore);
            String another = UUID.randomUUID().toString();
            TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, another, 0,
                    new CashDonationReceived(another, "fund-quan-1", QUAN_1, 500_000L, "CASH", Instant.now()));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(figure(newest, "cashReceived")).isEqualTo(cash + 1_500_000L);
                assertThat(figure(newest, "cashDonations")).isEqualTo(donations + 2);
            });

            registerHouseholds(1);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(figure(newest, "households")).isEqualTo(households + 4));
            assertThat(figure(newest, "cashReceived")).isEqualTo(cash + 1_500_000L);
        } finally {
            reader.cancel(true);
        }
    }

    private static void registerHouseholds(int count) {
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            TestEvents.publish(Topics.HOUSEHOLDS.name(), EventTypes.HOUSEHOLD_REGISTERED, id, 1,
                    new HouseholdRegistered(id, CAU_KHO, List.of("POOR"), "POOR", 3, Instant.now()));
        }
    }

    private static long figure(AtomicReference<JsonNode> newest, String name) {
        return newest.get().get(name).asLong();
    }

    private double ignoredDonations() {
        Counter ignored = meters.find("ansinh.events.consumed").tag("type", EventTypes.CASH_DONATION_RECEIVED)
                .tag("outcome", "ignored").counter();
        return ignored == null ? 0 : ignored.count();
    }
}
