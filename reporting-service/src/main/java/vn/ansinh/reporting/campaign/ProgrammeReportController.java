package vn.ansinh.reporting.campaign;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/v1/reports/programmes")
class ProgrammeReportController {

    private final CampaignReportService reports;

    ProgrammeReportController(CampaignReportService reports) {
        this.reports = reports;
    }

    @Operation(summary = "A programme paid in rounds: each approved round's progress and the totals over the rounds")
    @GetMapping("/{id}")
    public ProgrammeReport programme(@PathVariable("id") @Pattern(regexp = "[\\w.:-]{1,100}") String id) {
        return reports.programme(id);
    }
}
