package vn.ansinh.reporting.campaign;

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

@RestController
@RequestMapping("/api/v1/reports/campaigns")
class CampaignReportController {

    private final CampaignReportService reports;
    private final ReadableArea area;

    public CampaignReportController(CampaignReportService reports, ReadableArea area) {
        this.reports = reports;
        this.area = area;
    }

    @Operation(summary = "A campaign's progress: approved households against households reached, by commune")
    @GetMapping("/{id}")
    public CampaignReport campaign(@PathVariable("id") @Pattern(regexp = "[\\w.:-]{1,100}") String id) {
        return reports.report(id);
    }

    @Operation(summary = "Campaigns with households in a unit (default: the caller's office), counting only that unit's communes")
    @GetMapping
    public List<CampaignReport> campaigns(@RequestParam(name = "unit", required = false)
                                          @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        return reports.inArea(area.of(unit));
    }
}
