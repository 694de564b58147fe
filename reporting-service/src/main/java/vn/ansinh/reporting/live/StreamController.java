package vn.ansinh.reporting.live;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.reporting.figures.ReadableArea;

@RestController
@RequestMapping("/api/v1")
class StreamController {

    private final DashboardStream stream;
    private final ReadableArea area;

    public StreamController(DashboardStream stream, ReadableArea area) {
        this.stream = stream;
        this.area = area;
    }

    @Operation(summary = "text/event-stream of dashboard updates (event 'dashboard': figures, units below, campaigns) for a unit",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Server-sent events named dashboard, "
            + "each carrying the whole Dashboard as JSON: one at once, then one after changes (coalesced, at most one a tick), with keep-alive comments between",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/event-stream",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Dashboard.class))))
    @GetMapping(path = "/stream", produces = "text/event-stream")
    public SseEmitter stream(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                             org.springframework.security.core.Authentication caller) {
        java.time.Instant expiresAt = caller instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken jwt
                ? jwt.getToken().getExpiresAt() : null;
        return stream.watch(area.of(unit), caller.getName(), expiresAt);
    }

    @Operation(summary = "The dashboard's figures once, as the stream sends them")
    @GetMapping("/reports/dashboard")
    public Dashboard dashboard(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        return stream.dashboard(area.of(unit));
    }
}
