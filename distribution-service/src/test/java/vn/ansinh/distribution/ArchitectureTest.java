package vn.ansinh.distribution;

import org.junit.jupiter.api.Test;

import vn.ansinh.testkit.ArchitectureRules;

/** distribution-service keeps the platform's shape: no dependency on another service, no package cycle (plain JUnit, no Spring). */
class ArchitectureTest {

    @Test
    void dependsOnlyOnItselfTheEventsAndThePlatformWithoutPackageCycles() {
        ArchitectureRules.verify(DistributionApplication.class);
    }
}
