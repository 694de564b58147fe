package vn.ansinh.reporting.house;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.reporting.figures.FiguresService;
import vn.ansinh.reporting.figures.ReadableArea;

/** Houses built or repaired for poor households, per unit and year, as offices report them upwards. */
@RestController
@RequestMapping("/api/v1/reports/houses")
class HouseReportController {

    private final HouseReports reports;
    private final FiguresService figures;
    private final ReadableArea readableArea;

    HouseReportController(HouseReports reports, FiguresService figures, ReadableArea readableArea) {
        this.reports = reports;
        this.figures = figures;
        this.readableArea = readableArea;
    }

    @Operation(operationId = "houseReport", summary = "Houses handed over in a year (default this year) in a unit (default the "
            + "caller's office), built and repaired with their cost, and those under way now, per unit directly below and in "
            + "total; organisationCode keeps one organisation's (OFFICE: the offices' own)")
    @GetMapping
    public HouseReport houses(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                              @RequestParam(name = "year", required = false) @Min(2000) @Max(2100) Integer year,
                              @RequestParam(name = "organisationCode", required = false)
                              @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode) {
        return reports.of(readableArea.of(unit), year == null ? figures.currentYear() : year, organisationCode);
    }
}
