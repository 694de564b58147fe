package vn.ansinh.testkit;

import org.junit.jupiter.api.Test;

/** The platform and the event contracts know no service. */
class PlatformArchitectureTest {

    @Test
    void thePlatformDependsOnNoService() {
        ArchitectureRules.verifyPlatform();
    }
}
