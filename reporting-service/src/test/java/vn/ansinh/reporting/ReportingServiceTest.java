package vn.ansinh.reporting;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestEvents;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;

/** reporting-service fed with events as the other services publish them, on the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=reporting-service")
@Import(TestSecurityConfiguration.class)
public abstract class ReportingServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "reporting-test");
    }

    @BeforeAll
    static void unitTree() {
        TestEvents.publishDemoUnits();
    }

    @LocalServerPort
    int port;
    @Autowired
    protected AdminUnitDirectory directory;

    protected ApiClient api;

    @BeforeEach
    void waitForUnitTree() {
        api = new ApiClient("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isWithin("26761", "79"));
    }
}
