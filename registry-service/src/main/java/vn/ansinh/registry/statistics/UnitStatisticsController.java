package vn.ansinh.registry.statistics;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;

/**
 * Units' yearly statistics (all households, ethnic-minority households) and poverty-rate targets, which
 * the reports divide by: entered by the office for its unit and the units of its area, or imported.
 */
@RestController
@RequestMapping("/api/v1/admin-units")
@Validated
class UnitStatisticsController {

    private final UnitStatisticsService service;

    UnitStatisticsController(UnitStatisticsService service) {
        this.service = service;
    }

    @Operation(summary = "Enter a unit's households for a year from the yearly statistics (the caller's unit or one of its area)")
    @PutMapping("/{code}/statistics/{year}")
    @PreAuthorize("hasAnyRole('OFFICER', 'APPROVER')")
    public UnitStatisticsView recordStatistics(@PathVariable @Pattern(regexp = UnitKeys.KEY) String code, @PathVariable int year,
                                               @Valid @RequestBody StatisticsRequests.Statistics request) {
        return service.recordStatistics(code, year, request);
    }

    @Operation(summary = "A unit's statistics and targets for a year (404 when nothing was entered)")
    @GetMapping("/{code}/statistics/{year}")
    public UnitStatisticsView statistics(@PathVariable @Pattern(regexp = UnitKeys.KEY) String code, @PathVariable int year) {
        return service.get(code, year);
    }

    @Operation(summary = "Set a unit's poverty-rate targets for a year's end (the caller's unit or one of its area)")
    @PutMapping("/{code}/targets/{year}")
    @PreAuthorize("hasRole('APPROVER')")
    public UnitStatisticsView setTargets(@PathVariable @Pattern(regexp = UnitKeys.KEY) String code, @PathVariable int year,
                                         @Valid @RequestBody StatisticsRequests.Targets request) {
        return service.setTargets(code, year, request);
    }

    @Operation(summary = "A unit's statistics and targets for a year, as GET .../statistics/{year} (404 when nothing was entered)")
    @GetMapping("/{code}/targets/{year}")
    public UnitStatisticsView targets(@PathVariable @Pattern(regexp = UnitKeys.KEY) String code, @PathVariable int year) {
        return service.get(code, year);
    }

    @Operation(summary = "A unit and each unit directly below it with their statistics for a year, or marked missing: what is left to enter")
    @GetMapping("/statistics")
    public List<UnitStatisticsView> list(@RequestParam("unit") @Pattern(regexp = UnitKeys.KEY) String unit,
                                         @RequestParam("year") int year) {
        return service.ofUnitAndChildren(unit, year);
    }

    // Both forms are one operation in the API description: the same summary and id, whichever springdoc reads first.
    @Operation(operationId = "importUnitStatistics", summary = "Import statistics as CSV (unit_code,year,total_households,"
            + "ethnic_minority_households), as a text/csv body or a file upload (multipart, part file): all rows or none")
    @PostMapping(path = "/statistics/import", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('OFFICER', 'APPROVER')")
    public UnitStatisticsService.ImportOutcome importBody(HttpServletRequest request) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return service.importCsv(body);
        }
    }

    // Both forms are one operation in the API description: the same summary and id, whichever springdoc reads first.
    @Operation(operationId = "importUnitStatistics", summary = "Import statistics as CSV (unit_code,year,total_households,"
            + "ethnic_minority_households), as a text/csv body or a file upload (multipart, part file): all rows or none")
    @PostMapping(path = "/statistics/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('OFFICER', 'APPROVER')")
    public UnitStatisticsService.ImportOutcome importFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            return service.importCsv(content);
        }
    }
}
