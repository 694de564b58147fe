package vn.ansinh.registry;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.testkit.ApiClient;
import vn.ansinh.testkit.TestInfrastructure;
import vn.ansinh.testkit.TestSecurityConfiguration;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;

/**
 * The registry on the real broker and the Mongo wire server, with the demo unit list (Hồ Chí Minh
 * City: Củ Chi district and Quận 1). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=registry-service",
        "ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json"})
@Import(TestSecurityConfiguration.class)
public abstract class RegistryServiceTest {

    protected static final String CU_CHI = "783";
    protected static final String TAN_THANH_DONG = "27547";
    protected static final String QUAN_1 = "760";
    protected static final String CAU_KHO = "26761";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registry-test");
    }

    @LocalServerPort
    int port;

    @Autowired
    protected AdminUnitDirectory directory;

    protected ApiClient api;

    @BeforeEach
    void waitUntilUnitTreeArrived() {
        api = new ApiClient("http://localhost:" + port);
        // Scope checks read the unit tree from the registry's own topic ("listen to yourself"): wait for it once.
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isWithin(CAU_KHO, QUAN_1)
                && directory.isWithin(TAN_THANH_DONG, CU_CHI));
    }

    /** A poor elderly woman living alone in a hamlet of {@code unitCode}: valid in every respect. */
    protected static Map<String, Object> household(String unitCode) {
        return Map.of(
                "headName", "Nguyễn Thị Bảy",
                "members", List.of(Map.of("fullName", "Nguyễn Thị Bảy", "dateOfBirth", "1958-03-02",
                        "gender", "FEMALE", "citizenId", "079158000123", "relation", "HEAD")),
                "address", Map.of("unitCode", unitCode, "hamlet", "Ấp Cây Sộp"),
                "phone", "0912345678",
                "categories", List.of("POOR", "ELDERLY_ALONE"),
                "povertyStatus", "POOR");
    }
}
