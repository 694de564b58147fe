package vn.ansinh.donation;

import org.junit.jupiter.api.Test;

import vn.ansinh.testkit.OpenApiDocuments;

/** The published OpenAPI document (docs/openapi/) is the one the running service describes. */
class OpenApiDocumentTest extends DonationServiceTest {

    @Test
    void theCheckedInDocumentIsTheServices() throws Exception {
        OpenApiDocuments.requireCheckedIn(api, "donation-service");
    }
}
