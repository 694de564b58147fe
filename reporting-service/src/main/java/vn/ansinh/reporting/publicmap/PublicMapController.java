package vn.ansinh.reporting.publicmap;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.PerClientRateLimiter;

@RestController
class PublicMapController {

    private final PublicMapService maps;
    private final PerClientRateLimiter rateLimiter;

    public PublicMapController(PublicMapService maps,
                               @Value("${ansinh.reporting.public-map.requests-per-minute:120}") int requestsPerMinute) {
        this.maps = maps;
        this.rateLimiter = new PerClientRateLimiter(requestsPerMinute, Duration.ofMinutes(1));
    }

    @Operation(summary = "PUBLIC: households in need, approved and helped per unit below (or per hamlet of a commune); small counts hidden")
    @GetMapping("/api/v1/public/map")
    public PublicMap map(@RequestParam(name = "unit", defaultValue = AdminUnitDirectory.NATIONAL)
                         @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit, HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return maps.cachedMap(unit);
    }
}
