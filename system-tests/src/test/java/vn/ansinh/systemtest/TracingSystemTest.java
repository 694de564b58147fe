package vn.ansinh.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import vn.ansinh.events.EventTypes;
import vn.ansinh.testkit.ApiClient;

/**
 * One donation followed from the HTTP request through donation-service, its outbox, Kafka and
 * reporting-service's projection (another process): every span of it, in both services, is in the
 * trace the caller started — the trace context travels in the event as the CloudEvents traceparent.
 */
class TracingSystemTest {

    final Platform platform = Platform.get();

    @Test
    void aDonationIsOneTraceFromTheRequestToTheDashboardsProjection() {
        String district = platform.bearer("cu-chi-district");
        ApiClient.Response fund = platform.donation.postJson("/api/v1/funds", district, ApiClient.json(
                Map.of("name", "Quỹ theo dõi một khoản ủng hộ", "officeUnitCode", "783", "purpose", "Túi an sinh")));
        assertThat(fund.status()).isEqualTo(201);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callersSpan = HexFormat.of().formatHex(randomBytes(8));

        ApiClient.Response donation = platform.donation.postJson("/api/v1/donations", district, ApiClient.json(
                Map.of("fundId", fund.json().get("id").asString(), "amount", 2_000_000L, "channel", "CASH")),
                Map.of("traceparent", "00-" + traceId + "-" + callersSpan + "-01"));
        assertThat(donation.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.traces.ofTrace(traceId))
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("donation-service");
                    assertThat(span.name()).contains("/api/v1/donations");
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("reporting-service");
                    assertThat(span.name()).isEqualTo("project " + EventTypes.CASH_DONATION_RECEIVED);
                }));
        assertThat(platform.traces.ofTrace(HexFormat.of().formatHex(randomBytes(16)))).as("a trace no one started").isEmpty();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
