package vn.ansinh.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;

/**
 * Base of a service test on the real broker and the Mongo wire server: an HTTP client for the
 * running service, and a wait until the service's copy of the demo unit tree (Hồ Chí Minh City,
 * Củ Chi, Quận 1) has arrived, since every scope check needs it. Subclasses add
 * {@code @SpringBootTest} and a {@code @DynamicPropertySource} calling {@link TestInfrastructure#register}.
 */
@Import(TestSecurityConfiguration.class)
public abstract class ServiceTest {

    protected static final String HO_CHI_MINH_CITY = "79";
    protected static final String CU_CHI = "783";
    protected static final String TAN_THANH_DONG = "27547";
    protected static final String QUAN_1 = "760";
    protected static final String CAU_KHO = "26761";

    @LocalServerPort
    protected int port;
    @Autowired
    protected AdminUnitDirectory directory;

    protected ApiClient api;

    @BeforeEach
    void connectOnceTheUnitTreeHasArrived() {
        api = new ApiClient("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isWithin(CAU_KHO, HO_CHI_MINH_CITY)
                && directory.isWithin(TAN_THANH_DONG, CU_CHI));
    }
}
