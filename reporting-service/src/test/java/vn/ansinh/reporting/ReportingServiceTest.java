package vn.ansinh.reporting;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.testkit.ServiceTest;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;

/** reporting-service fed with events as the other services publish them, on the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=reporting-service")
public abstract class ReportingServiceTest extends ServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting-test");
    }

    @BeforeAll
    static void unitTree() {
        TestEvents.publishDemoUnits();
    }
}
