package vn.ansinh.registry;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.ansinh.testkit.ServiceTest;
import vn.ansinh.testkit.TestInfrastructure;

/**
 * The registry on the real broker and the Mongo wire server, with the demo unit list imported at
 * start-up (the registry publishes the unit tree itself). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=registry-service",
        "ansinh.registry.bootstrap-admin-units=classpath:fixtures/demo-admin-units.json",
        "ansinh.registry.public-needs.requests-per-minute=30", "ansinh.registry.public-feedback.requests-per-minute=30",
        "ansinh.registry.import.retry-after=PT0.2S"})
public abstract class RegistryServiceTest extends ServiceTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "registry-test");
    }

    /** Lower-case letters that make a test's names its own (a person's name has no digits). */
    protected static String uniqueLetters(int length) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    /** A number written in letters (a person's name has no digits): 0 → "a", 27 → "bb". */
    protected static String lettersOf(int n) {
        StringBuilder letters = new StringBuilder();
        do {
            letters.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return letters.toString();
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
