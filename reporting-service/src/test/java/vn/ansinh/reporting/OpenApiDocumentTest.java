package vn.ansinh.reporting;

import org.junit.jupiter.api.Test;

import vn.ansinh.testkit.OpenApiDocuments;

/** The published OpenAPI document (docs/openapi/) is the one the running service describes. */
class OpenApiDocumentTest extends ReportingServiceTest {

    @Test
    void theCheckedInDocumentIsTheServices() throws Exception {
        OpenApiDocuments.requireCheckedIn(api, "reporting-service");
    }
}
