package vn.ansinh.distribution;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.testkit.ServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * The one running distribution-service the campaign tests share: one context, so one member of each
 * consumer group (a second context in the same groups would be handed no partitions and wait for
 * events forever). Reservation deadlines are short so that a test can watch one pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=distribution-service", "ansinh.distribution.reservation-timeout=PT8S",
        "ansinh.distribution.reservation-timeout-check=PT1S"})
public abstract class DistributionServiceTest extends ServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "distribution-campaign-test");
    }

    @BeforeAll
    static void unitTree() {
        TestEvents.publishDemoUnits();
    }
}
