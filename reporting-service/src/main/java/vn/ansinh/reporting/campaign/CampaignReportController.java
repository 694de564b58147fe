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
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

@RestController
@RequestMapping("/api/v1/reports/campaigns")
public class CampaignReportController {

    private final CampaignReportService reports;
    private final OfficeScope scope;

    public CampaignReportController(CampaignReportService reports, OfficeScope scope) {
        this.reports = reports;
        this.scope = scope;
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
        String area = unit == null ? CallerOffice.current().officeCode() : unit;
        scope.requireCanRead(area);
        return reports.inArea(area);
    }
}
