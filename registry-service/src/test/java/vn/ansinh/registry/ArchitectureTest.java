package vn.ansinh.registry;

import org.junit.jupiter.api.Test;

import vn.ansinh.testkit.ArchitectureRules;

/** registry-service keeps the platform's shape: no dependency on another service, no package cycle (plain JUnit, no Spring). */
class ArchitectureTest {

    @Test
    void dependsOnlyOnItselfTheEventsAndThePlatformWithoutPackageCycles() {
        ArchitectureRules.verify(RegistryApplication.class);
    }
}
