package vn.ansinh.reporting.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** What the dashboard page needs before signing in: where to ask for a token. */
@RestController
class DashboardConfigController {

    public record DashboardConfig(String tokenUrl) {
    }

    private final DashboardConfig config;

    public DashboardConfigController(@Value("${ansinh.reporting.token-url}") String tokenUrl) {
        this.config = new DashboardConfig(tokenUrl);
    }

    @Operation(summary = "PUBLIC: the dashboard's sign-in settings")
    @GetMapping("/api/v1/public/dashboard-config")
    public DashboardConfig config() {
        return config;
    }
}
