package vn.ansinh.distribution.campaign;

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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

@RestController
@RequestMapping("/api/v1/campaigns")
class CampaignController {

    private final CampaignService service;
    private final CampaignQueries queries;
    private final CampaignLists lists;

    private final CampaignRounds rounds;

    public CampaignController(CampaignService service, CampaignLists lists, CampaignQueries queries, CampaignRounds rounds) {
        this.rounds = rounds;
        this.service = service;
        this.lists = lists;
        this.queries = queries;
    }

    public record CampaignView(String id, String name, String officeUnitCode, List<String> targetUnitCodes,
                               List<String> eligibleCategories, List<String> eligiblePovertyStatuses, CampaignBenefit benefit,
                               LocalDate startsOn, LocalDate endsOn, CampaignState state, List<Campaign.Part> parts,
                               long approvedHouseholds, String rejectionReason, String rejectionDetail, Instant createdAt,
                               String programmeId, int round, String previousRoundId, long approvedPersons,
                               String organisationCode) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getName(), c.getOfficeUnitCode(), c.getTargetUnitCodes(),
                    c.getEligibleCategories(), c.getEligiblePovertyStatuses(), c.getBenefit(), c.getStartsOn(), c.getEndsOn(),
                    c.getState(), c.getParts(), c.getApprovedHouseholds(), c.getRejectionReason(), c.getRejectionDetail(),
                    c.getCreatedAt(), c.getProgrammeId(), c.getRound(), c.getPreviousRoundId(), c.getApprovedPersons(),
                    c.getOrganisationCode());
        }
    }

    public record EditRequest(@NotBlank @Size(max = 64) String householdId,
                              @NotBlank @Size(max = 500) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }

    public record SubmitRequest(@NotBlank @Pattern(regexp = UnitKeys.KEY) String unitCode) {
    }

    public record CloseRequest(@Size(max = 500) String reason) {
    }

    @Operation(summary = "Create a campaign for target units, with eligibility and the benefit per household")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<CampaignView> create(@Valid @RequestBody CreateCampaignRequest request,
                                               jakarta.servlet.http.HttpServletRequest http) {
        Campaign campaign = service.create(request, vn.ansinh.platform.web.IdempotencyKeyFilter.requestKeyOf(http));
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + campaign.getId())).body(CampaignView.of(campaign));
    }

    @Operation(summary = "Campaigns an office runs or takes part in (default the caller's office), by state, newest first, paged")
    @GetMapping
    public vn.ansinh.platform.web.PageResponse<CampaignView> list(
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "state", required = false) CampaignState state,
            @RequestParam(name = "page", defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(vn.ansinh.platform.web.PageResponse.MAX_SIZE) int size) {
        var found = queries.campaigns(unit, state, page, size);
        return new vn.ansinh.platform.web.PageResponse<>(found.content().stream().map(CampaignView::of).toList(),
                found.totalElements(), found.page(), found.size(), found.last());
    }

    @Operation(summary = "A campaign: its rules, benefit, state and counts")
    @GetMapping("/{id}")
    public CampaignView get(@PathVariable String id) {
        return CampaignView.of(service.get(id));
    }

    @Operation(summary = "Put every eligible household of the target units on the draft list")
    @PostMapping("/{id}/entitlements/generate")
    @PreAuthorize("hasRole('OFFICER')")
    public CampaignLists.Generated generate(@PathVariable String id) {
        return lists.generate(id);
    }

    @Operation(summary = "Add a household to an open part of the list, with the reason")
    @PostMapping("/{id}/entitlements/add")
    @PreAuthorize("hasRole('OFFICER')")
    public Entitlement add(@PathVariable String id, @Valid @RequestBody EditRequest request) {
        return lists.edit(id, request.householdId(), true, request.reason());
    }

    @Operation(summary = "Take a household off an open part of the list, with the reason")
    @PostMapping("/{id}/entitlements/remove")
    @PreAuthorize("hasRole('OFFICER')")
    public Entitlement remove(@PathVariable String id, @Valid @RequestBody EditRequest request) {
        return lists.edit(id, request.householdId(), false, request.reason());
    }

    @Operation(summary = "A commune submits its part of the list; it can no longer be edited")
    @PostMapping("/{id}/entitlements/submit")
    @PreAuthorize("hasRole('OFFICER')")
    public CampaignView submit(@PathVariable String id, @Valid @RequestBody SubmitRequest request) {
        return CampaignView.of(service.submitPart(id, request.unitCode()));
    }

    @Operation(summary = "Each target unit's part of the list and its state")
    @GetMapping("/{id}/parts")
    public List<Campaign.Part> parts(@PathVariable String id) {
        return service.get(id).getParts();
    }

    @Operation(summary = "Approve the whole list once every part is submitted; money and goods are then reserved")
    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('APPROVER')")
    public CampaignView approve(@PathVariable String id) {
        return CampaignView.of(service.approve(id));
    }

    @Operation(summary = "Open the programme's next round after this one: its list carried over to be edited and approved again")
    @PostMapping("/{id}/rounds")
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<CampaignView> openRound(@PathVariable String id, @Valid @RequestBody(required = false) NextRoundRequest request) {
        Campaign next = rounds.open(id, request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + next.getId())).body(CampaignView.of(next));
    }

    @Operation(summary = "The rounds of the programme this campaign belongs to, first to last")
    @GetMapping("/{id}/rounds")
    public List<CampaignView> rounds(@PathVariable String id) {
        return rounds.roundsOf(id).stream().map(CampaignView::of).toList();
    }

    @Operation(summary = "Close the campaign: what was reserved and not delivered is released")
    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('APPROVER')")
    public CampaignView close(@PathVariable String id, @Valid @RequestBody(required = false) CloseRequest request) {
        return CampaignView.of(service.close(id, request == null || request.reason() == null ? "closed" : request.reason()));
    }
}
