package vn.ansinh.distribution.twinning;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.IdempotencyKeyFilter;

@RestController
@RequestMapping("/api/v1/twinnings")
class TwinningController {

    private final Twinnings twinnings;
    private final TwinningReports reports;

    TwinningController(Twinnings twinnings, TwinningReports reports) {
        this.twinnings = twinnings;
        this.reports = reports;
    }

    /** An agency twinned with a village. */
    public record TwinningView(String id, String officeUnitCode, String organisationCode, String agency, String unitCode, String village,
                               LocalDate since, Twinning.State state, LocalDate endedOn, String endReason, Instant createdAt) {
        static TwinningView of(Twinning t) {
            return new TwinningView(t.getId(), t.getOfficeUnitCode(), t.getOrganisationCode(), t.getAgency(), t.getUnitCode(), t.getVillage(),
                    t.getSince(), t.getState(), t.getEndedOn(), t.getEndReason(), t.getCreatedAt());
        }
    }

    /** Something an agency gave its village. */
    public record ContributionView(String id, String twinningId, Contribution.Kind kind, LocalDate on, Long quantity, long value,
                                   String description, Instant createdAt) {
        static ContributionView of(Contribution c) {
            return new ContributionView(c.getId(), c.getTwinningId(), c.getKind(), c.getOn(), c.getQuantity(), c.getValue(),
                    c.getDescription(), c.getCreatedAt());
        }
    }

    @Operation(operationId = "agreeTwinning", summary = "Record that an agency is twinned (kết nghĩa) with a village of the office's "
            + "area, since a day; once per Idempotency-Key")
    @PostMapping
    @PreAuthorize("hasRole('APPROVER')")
    public ResponseEntity<TwinningView> agree(@Valid @RequestBody TwinningRequests.AgreeRequest request, HttpServletRequest http) {
        Twinning twinning = twinnings.agree(request, IdempotencyKeyFilter.requestKeyOf(http));
        return ResponseEntity.created(URI.create("/api/v1/twinnings/" + twinning.getId())).body(TwinningView.of(twinning));
    }

    @Operation(operationId = "listTwinnings", summary = "The twinnings of an area (default the caller's office), or of one village, oldest first")
    @GetMapping
    public List<TwinningView> list(
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "village", required = false) @Size(max = 100) String village) {
        return twinnings.list(unit, village).stream().map(TwinningView::of).toList();
    }

    @Operation(operationId = "villageTwinningReport", summary = "What every agency twinned with a village gave it, year by year "
            + "and in total (houses handed over under a twinning count in their year)")
    @GetMapping("/villages")
    public TwinningReports.TwinningReport village(@RequestParam(name = "unit") @NotBlank @Pattern(regexp = UnitKeys.KEY) String unit,
                                                  @RequestParam(name = "village") @NotBlank @Size(max = 100) String village) {
        return reports.ofVillage(unit, village);
    }

    @Operation(operationId = "getTwinning", summary = "A twinning")
    @GetMapping("/{id}")
    public TwinningView get(@PathVariable String id) {
        return TwinningView.of(twinnings.get(id));
    }

    @Operation(operationId = "twinningReport", summary = "What the agency gave its village under this twinning, year by year and in total")
    @GetMapping("/{id}/report")
    public TwinningReports.TwinningReport report(@PathVariable String id) {
        return reports.ofTwinning(id);
    }

    @Operation(operationId = "recordTwinningContribution", summary = "Record what the agency gave on a day within the twinning "
            + "(gifts, health-insurance cards, money, goods, scholarships); houses are approved under the twinning instead; "
            + "once per Idempotency-Key")
    @PostMapping("/{id}/contributions")
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<ContributionView> contribute(@PathVariable String id, @Valid @RequestBody TwinningRequests.ContributionRequest request,
                                                       HttpServletRequest http) {
        return ResponseEntity.status(201).body(ContributionView.of(twinnings.contribute(id, request, IdempotencyKeyFilter.requestKeyOf(http))));
    }

    @Operation(operationId = "listTwinningContributions", summary = "What was given under a twinning, oldest first")
    @GetMapping("/{id}/contributions")
    public List<ContributionView> contributions(@PathVariable String id) {
        return twinnings.contributionsOf(List.of(twinnings.get(id).getId())).stream().map(ContributionView::of).toList();
    }

    @Operation(operationId = "endTwinning", summary = "The twinning ended on a day, with the reason; nothing is recorded under it after that day")
    @PostMapping("/{id}/end")
    @PreAuthorize("hasRole('APPROVER')")
    public TwinningView end(@PathVariable String id, @Valid @RequestBody TwinningRequests.EndTwinningRequest request) {
        return TwinningView.of(twinnings.end(id, request));
    }
}
