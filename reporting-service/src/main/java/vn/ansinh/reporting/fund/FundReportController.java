package vn.ansinh.reporting.fund;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.reporting.figures.ReadableArea;

/** Funds as their ledgers report them: received, set aside for campaigns, spent, left. */
@RestController
@RequestMapping("/api/v1/reports/funds")
class FundReportController {

    private final FundReports reports;
    private final ReadableArea readableArea;

    public FundReportController(FundReports reports, ReadableArea readableArea) {
        this.reports = reports;
        this.readableArea = readableArea;
    }

    @Operation(summary = "One fund's received, reserved, spent and available money")
    @GetMapping("/{id}")
    public FundReport fund(@PathVariable("id") @Pattern(regexp = "[\\w.:-]{1,100}") String id) {
        return reports.fund(id);
    }

    @Operation(summary = "Funds of the offices in a unit (default: the caller's office)")
    @GetMapping
    public List<FundReport> funds(@RequestParam(name = "unit", required = false)
                                  @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        return reports.inArea(readableArea.of(unit));
    }
}
