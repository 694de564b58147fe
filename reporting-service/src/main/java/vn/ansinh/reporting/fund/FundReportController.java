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
    private final OrganisationReports organisations;
    private final ReadableArea readableArea;

    public FundReportController(FundReports reports, OrganisationReports organisations, ReadableArea readableArea) {
        this.reports = reports;
        this.organisations = organisations;
        this.readableArea = readableArea;
    }

    @Operation(summary = "Money raised, set aside, spent and left by each office of a unit (default the caller's), "
            + "organisation by organisation (the office's own funds first) and in total, with the campaigns each ran")
    @GetMapping("/by-organisation")
    public OrganisationsReport byOrganisation(@RequestParam(name = "unit", required = false)
                                              @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        return organisations.of(readableArea.of(unit));
    }

    @Operation(summary = "One fund's received, reserved, spent and available money")
    @GetMapping("/{id}")
    public FundReport fund(@PathVariable("id") @Pattern(regexp = "[\\w.:-]{1,100}") String id) {
        return reports.fund(id);
    }

    @Operation(summary = "Funds of the offices in a unit (default: the caller's office); organisationCode keeps one "
            + "organisation's (OFFICE: the offices' own funds)")
    @GetMapping
    public List<FundReport> funds(@RequestParam(name = "unit", required = false)
                                  @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                                  @RequestParam(name = "organisationCode", required = false)
                                  @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode) {
        return reports.inArea(readableArea.of(unit), organisationCode);
    }
}
