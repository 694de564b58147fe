package vn.ansinh.registry.dedup;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/duplicates")
class DuplicateCaseController {

    private final DuplicateCaseService service;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final DuplicateDetection detection;

    public DuplicateCaseController(DuplicateCaseService service, OfficeScope scope, AdminUnitDirectory units,
                                   DuplicateDetection detection) {
        this.detection = detection;
        this.service = service;
        this.scope = scope;
        this.units = units;
    }

    /** A case as the caller may see it: a household outside the caller's area shows only its unit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(String id, CaseState state, double score, List<MatchedHousehold.Reason> reasons,
                           List<MatchedHousehold> households, Instant openedAt, String resolvedBy, Instant resolvedAt,
                           String keptHouseholdId, ComparisonView comparison) {
    }

    /**
     * The two households compared as they are today (a case's {@code score} is the one it was opened
     * with): each field's level of agreement and the weight it adds in bits, starting from
     * {@code priorWeight}, and which members of the first household match which of the second
     * (indices into their {@code members}).
     */
    public record ComparisonView(double score, double priorWeight, List<MatchScorer.Evidence> fields,
                                 List<MemberPair> matchedMembers) {
        static ComparisonView of(MatchScorer.Explanation explanation) {
            return new ComparisonView(explanation.score(), explanation.priorWeight(), explanation.evidence(),
                    explanation.matchedMembers().stream().map(pair -> new MemberPair(pair[0], pair[1])).toList());
        }
    }

    public record MemberPair(int first, int second) {
    }

    public record ResolveRequest(@NotNull DuplicateCaseService.Decision decision,
                                 @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9-]+$") String keepHouseholdId) {
    }

    @Operation(summary = "Duplicate cases with a household in the unit or below (default: the caller's office)")
    @GetMapping
    public PageResponse<CaseView> list(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                                       @RequestParam(name = "state", required = false) CaseState state,
                                       @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                       @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        DuplicateCaseService.CasePage found = service.list(unit, state, page, size);
        return PageResponse.of(found.content(), found.totalElements(), page, size, duplicate -> view(duplicate, false));
    }

    @Operation(summary = "One case, if one of its households lies in the caller's area (the other shown as its unit only); "
            + "with both in the area, the comparison field by field and the members that match")
    @GetMapping("/{id}")
    public CaseView get(@PathVariable @Size(max = 80) String id) {
        return view(service.get(id), true);
    }

    @Operation(summary = "Decide a case: MERGE (keepHouseholdId, default the earlier registered) or NOT_DUPLICATE")
    @PostMapping("/{id}/resolve")
    @PreAuthorize("hasRole('APPROVER')")
    public CaseView resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request) {
        return view(service.resolve(id, request.decision(), request.keepHouseholdId()), false);
    }

    /** @param explained whether to compare the two households today (only shown to a caller who sees both) */
    private CaseView view(DuplicateCase duplicate, boolean explained) {
        List<MatchedHousehold> households = List.of(
                MatchedHousehold.of(duplicate.getHouseholdIds().get(0), duplicate.getUnitCodes().get(0), scope, units),
                MatchedHousehold.of(duplicate.getHouseholdIds().get(1), duplicate.getUnitCodes().get(1), scope, units));
        boolean keptVisible = households.stream().anyMatch(h -> h.householdId() != null
                && h.householdId().equals(duplicate.getKeptHouseholdId()));
        // Reasons name the identifiers that matched: only for a caller who sees both households.
        boolean bothVisible = households.stream().allMatch(MatchedHousehold::inYourArea);
        ComparisonView comparison = explained && bothVisible ? detection.explain(duplicate.getHouseholdIds().get(0),
                duplicate.getHouseholdIds().get(1)).map(ComparisonView::of).orElse(null) : null;
        return new CaseView(duplicate.getId(), duplicate.getState(), duplicate.getScore(),
                bothVisible ? MatchedHousehold.Reason.of(duplicate.getReasons()) : null, households, duplicate.getOpenedAt(),
                duplicate.getResolvedBy(), duplicate.getResolvedAt(), keptVisible ? duplicate.getKeptHouseholdId() : null, comparison);
    }
}
