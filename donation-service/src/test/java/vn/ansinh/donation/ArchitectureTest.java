package vn.ansinh.donation;

import org.junit.jupiter.api.Test;

import vn.ansinh.testkit.ArchitectureRules;

/** donation-service keeps the platform's shape: no dependency on another service, no package cycle (plain JUnit, no Spring). */
class ArchitectureTest {

    @Test
    void dependsOnlyOnItselfTheEventsAndThePlatformWithoutPackageCycles() {
        ArchitectureRules.verify(DonationApplication.class);
    }
}
