package vn.ansinh.distribution.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=distribution-service")
@Import(TestSecurityConfiguration.class)
class HouseholdReplicaTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "distribution-test");
    }

    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;

    @Test
    void registryEventsBuildTheReplicaOncePerHouseholdEvenWhenRedelivered() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] payload = JsonMapper.builder().build().writeValueAsBytes(new HouseholdRegistered(id, "27547",
                List.of("POOR", "LOCKDOWN_ZONE"), "POOR", 5, Instant.parse("2021-07-20T03:00:00Z")));

        TestEvents.publish(Topics.HOUSEHOLDS.name(), eventId, EventTypes.HOUSEHOLD_REGISTERED, id, 0, payload);
        TestEvents.publish(Topics.HOUSEHOLDS.name(), eventId, EventTypes.HOUSEHOLD_REGISTERED, id, 0, payload);

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(id, Document.class, HouseholdReplicaProjection.COLLECTION) != null);
        Document replica = mongo.findById(id, Document.class, HouseholdReplicaProjection.COLLECTION);
        assertThat(replica.getString("unitCode")).isEqualTo("27547");
        assertThat(replica.getList("categories", String.class)).containsExactly("POOR", "LOCKDOWN_ZONE");
        assertThat(replica.getLong("version")).isZero();
    }

    @Test
    void healthIsUpOnTheEmbeddedMongoServer() {
        ApiClient.Response health = new ApiClient("http://localhost:" + port).get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    }
}
