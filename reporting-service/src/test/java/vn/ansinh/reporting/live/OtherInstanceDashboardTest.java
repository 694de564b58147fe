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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.reporting.ReportingApplication;
import vn.ansinh.reporting.ReportingServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;
import vn.ansinh.testkit.TestTokens;

/**
 * Two reporting instances: a donation projected by the other one (this instance's donations consumer
 * is stopped, so the other holds every partition) still reaches a dashboard stream open on this one.
 */
class OtherInstanceDashboardTest extends ReportingServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void aStreamShowsWhatAnotherInstanceProjected() throws Exception {
        ConfigurableApplicationContext other = new SpringApplicationBuilder(ReportingApplication.class, TestSecurityConfiguration.class)
                .properties(Map.of("spring.config.name", ReportingApplication.CONFIG_NAME))
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri("reporting-test"));
        bindings.stop("donations-in-0");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("reporting-donations")).all()
                        .get(5, TimeUnit.SECONDS).get("reporting-donations");
                return group.members().size() == 1 && group.members().iterator().next().assignment().topicPartitions().size()
                        == Topics.DONATIONS.partitions();
            });
            String token = TestTokens.bearer(QUAN_1, "OFFICER");
            AtomicLong newestCash = new AtomicLong(-1);
            HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/stream?unit=" + QUAN_1))
                    .header("Authorization", token).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> stream.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> newestCash.set(JSON.readTree(line.substring(5)).get("figures").get("total").get("cashReceived").asLong())));
            await().atMost(Duration.ofSeconds(10)).until(() -> newestCash.get() >= 0);
            long before = newestCash.get();

            String donation = UUID.randomUUID().toString();
            TestEvents.publish(Topics.DONATIONS.name(), EventTypes.CASH_DONATION_RECEIVED, donation, 0,
                    new CashDonationReceived(donation, "fund-quan-1", QUAN_1, 1_234_000L, "BANK", Instant.now()));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(newestCash.get()).isEqualTo(before + 1_234_000L));
            reader.cancel(true);
        } finally {
            other.close();
            bindings.start("donations-in-0");
        }
    }
}
