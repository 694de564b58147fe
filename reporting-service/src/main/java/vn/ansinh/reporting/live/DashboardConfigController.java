package vn.ansinh.reporting.live;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * What the dashboard page needs before signing in: the issuer's authorization and token addresses as
 * the browser reaches them, and the console's client id (a public client: no secret in the page).
 */
@RestController
class DashboardConfigController {

    public record DashboardConfig(String tokenUrl, String authorizeUrl, String clientId, String logoutUrl) {
    }

    private final DashboardConfig config;

    public DashboardConfigController(@Value("${ansinh.reporting.token-url}") String tokenUrl,
                                     @Value("${ansinh.reporting.authorize-url}") String authorizeUrl,
                                     @Value("${ansinh.reporting.console-client-id}") String clientId,
                                     @Value("${ansinh.reporting.logout-url}") String logoutUrl) {
        this.config = new DashboardConfig(tokenUrl, authorizeUrl, clientId, logoutUrl);
    }

    @Operation(summary = "PUBLIC: the dashboard's sign-in settings")
    @GetMapping("/api/v1/public/dashboard-config")
    public DashboardConfig config() {
        return config;
    }
}
