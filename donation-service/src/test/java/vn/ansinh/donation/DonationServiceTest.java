package vn.ansinh.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.ServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestTokens;

/** donation-service on the real broker and the Mongo wire server; subclasses share one context. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=donation-service",
        "resilience4j.bulkhead.instances.donation-batch.max-concurrent-calls=1", "ansinh.donation.trace-catch-up=PT2S"})
public abstract class DonationServiceTest extends ServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "donation-test");
    }

    @BeforeAll
    static void unitTree() {
        TestEvents.publishDemoUnits();
    }

    @Autowired
    protected MongoTemplate mongo;

    protected long ledgerEntries() {
        return mongo.count(new Query(), "ledger_entries");
    }

    protected String openFund(String office, String name) {
        ApiClient.Response created = api.postJson("/api/v1/funds", TestTokens.bearer(office, "OFFICER"),
                ApiClient.json(Map.of("name", name, "officeUnitCode", office, "purpose", "Hỗ trợ hộ nghèo")));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    protected ApiClient.Response donate(String office, String fundId, long amount, String channel, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("fundId", fundId, "amount", amount, "channel", channel));
        if (reference != null) {
            body.put("reference", reference);
        }
        return api.postJson("/api/v1/donations", TestTokens.bearer(office, "OFFICER"), ApiClient.json(body));
    }
}
