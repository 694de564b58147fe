package vn.ansinh.distribution.progress;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.distribution.campaign.Entitlement;
import vn.ansinh.platform.adminunit.UnitKeys;

/** A campaign's progress, its list as it stands and the households not reached yet (same paths as before). */
@RestController
@RequestMapping("/api/v1/campaigns")
class ProgressController {

    private final CampaignProgressService reports;

    public ProgressController(CampaignProgressService reports) {
        this.reports = reports;
    }

    @Operation(summary = "A campaign's list, paged: a commune sees its own part; state INCLUDED (default), REMOVED, ALL, "
            + "PENDING (not reached yet) or DELIVERED")
    @GetMapping("/{id}/entitlements")
    public vn.ansinh.platform.web.PageResponse<CampaignProgressService.EntitlementView> entitlements(@PathVariable String id,
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "state", defaultValue = "INCLUDED") CampaignProgressService.EntitlementState state,
            @RequestParam(name = "page", defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(vn.ansinh.platform.web.PageResponse.MAX_SIZE) int size) {
        return reports.entitlements(id, unit, state, page, size);
    }

    @Operation(summary = "Households approved and not reached yet (the omissions to chase)")
    @GetMapping("/{id}/entitlements/pending")
    public List<Entitlement> pending(@PathVariable String id,
                                     @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY) String unit) {
        return reports.notYetReached(id, unit);
    }

    @Operation(summary = "How far a campaign's deliveries are, per unit")
    @GetMapping("/{id}/progress")
    public CampaignProgress progress(@PathVariable String id) {
        return reports.progress(id);
    }

}
