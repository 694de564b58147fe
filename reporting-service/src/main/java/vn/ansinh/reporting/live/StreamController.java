package vn.ansinh.reporting.live;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.reporting.figures.FiguresService;

@RestController
@RequestMapping("/api/v1")
public class StreamController {

    private final DashboardStream stream;
    private final FiguresService figures;
    private final OfficeScope scope;

    public StreamController(DashboardStream stream, FiguresService figures, OfficeScope scope) {
        this.stream = stream;
        this.figures = figures;
        this.scope = scope;
    }

    @Operation(summary = "text/event-stream of dashboard updates (event 'dashboard': figures, units below, campaigns) for a unit")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    public SseEmitter stream(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        String code = unit == null ? CallerOffice.current().officeCode() : unit;
        figures.unit(code);
        scope.requireCanRead(code);
        return stream.watch(code);
    }

    @Operation(summary = "The dashboard's figures once, as the stream sends them")
    @GetMapping("/reports/dashboard")
    public Dashboard dashboard(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        String code = unit == null ? CallerOffice.current().officeCode() : unit;
        figures.unit(code);
        scope.requireCanRead(code);
        return stream.dashboard(code);
    }
}
