package vn.ansinh.registry.household;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.PageResponse;
import vn.ansinh.registry.dedup.DuplicateFinder;
import vn.ansinh.registry.dedup.MatchedHousehold;

@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    private final HouseholdService service;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;

    public HouseholdController(HouseholdService service, OfficeScope scope, AdminUnitDirectory units) {
        this.service = service;
        this.scope = scope;
        this.units = units;
    }

    /**
     * A household as officers of its area see it. {@code duplicateCandidates} is present only in the
     * answer to a registration.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HouseholdView(String id, String headName, List<Member> members, Address address, String phone,
                                List<Category> categories, PovertyStatus povertyStatus,
                                List<PovertyStatusPeriod> povertyStatusHistory, List<AddressChange> addressHistory,
                                boolean active, DeactivationReason deactivationReason, LocalDate deactivatedFrom,
                                String mergedInto, Instant registeredAt, long version,
                                List<DuplicateCandidateView> duplicateCandidates, List<MergedHousehold> mergedFrom) {
        static HouseholdView of(Household h) {
            return of(h, null);
        }

        static HouseholdView of(Household h, List<DuplicateCandidateView> duplicateCandidates) {
            return new HouseholdView(h.getId(), h.getHeadName(), h.getMembers(), h.getAddress(), h.getPhone(),
                    h.getCategories(), h.getPovertyStatus(), h.getPovertyStatusHistory(), h.getAddressHistory(),
                    h.isActive(), h.getDeactivationReason(), h.getDeactivatedFrom(), h.getMergedInto(), h.getRegisteredAt(),
                    h.getVersion(), duplicateCandidates, h.getMergedFrom().isEmpty() ? null : h.getMergedFrom());
        }
    }

    /**
     * A household on the registry that might be the one just registered. Outside the caller's area
     * it says only "possible duplicate in unit X": no id, and no reasons (a reason would tell which of
     * the caller's identifiers another office holds).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DuplicateCandidateView(String householdId, String unitCode, String unitName, boolean inYourArea,
                                         double score, List<MatchedHousehold.Reason> reasons, String caseId) {
    }

    @Operation(summary = "Register a household in a unit of the caller's area")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<HouseholdView> register(@Valid @RequestBody RegisterHouseholdRequest request,
                                                  jakarta.servlet.http.HttpServletRequest http) {
        String requestKey = vn.ansinh.platform.web.IdempotencyKeyFilter.requestKeyOf(http);
        HouseholdService.Registration registration = requestKey == null ? service.register(request)
                : service.register(request, requestKey);
        Household household = registration.household();
        List<DuplicateCandidateView> candidates = registration.byLikelihood().stream()
                .map(candidate -> candidateView(candidate, registration.caseIdOf(candidate))).toList();
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.getId()))
                .body(HouseholdView.of(household, candidates));
    }

    /** The households a registration would be matched with: checked like one, nothing stored. */
    public record DuplicateCheckView(List<DuplicateCandidateView> duplicateCandidates) {
    }

    @Operation(summary = "Households across all offices that might be the one described, before registering it; "
            + "nothing is stored or published")
    @PostMapping("/duplicate-check")
    @PreAuthorize("hasRole('OFFICER')")
    public DuplicateCheckView checkDuplicates(@Valid @RequestBody RegisterHouseholdRequest request) {
        return new DuplicateCheckView(service.duplicatesOf(request).stream()
                .map(candidate -> candidateView(candidate, null)).toList());
    }

    private DuplicateCandidateView candidateView(DuplicateFinder.Candidate candidate, String caseId) {
        MatchedHousehold other = MatchedHousehold.of(candidate.otherHouseholdId(), candidate.otherUnitCode(), scope, units);
        return new DuplicateCandidateView(other.householdId(), other.unitCode(), other.unitName(), other.inYourArea(),
                candidate.match().score(),
                other.inYourArea() ? MatchedHousehold.Reason.of(candidate.match().reasons()) : null,
                other.inYourArea() ? caseId : null);
    }

    @Operation(summary = "Households of a unit and below (default: the caller's office), by category and name; "
            + "the name search ignores case and diacritics; ids=a,b,c gives those households (a list's names, in one call)")
    @GetMapping
    public PageResponse<HouseholdView> search(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                                              @RequestParam(name = "category", required = false) Category category,
                                              @RequestParam(name = "q", required = false) @Size(max = 150) String name,
                                              @RequestParam(name = "includeInactive", defaultValue = "false") boolean includeInactive,
                                              @RequestParam(name = "ids", required = false) @Size(max = PageResponse.MAX_SIZE)
                                              List<@Pattern(regexp = "^[A-Za-z0-9-]{1,64}$") String> ids,
                                              @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                              @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        HouseholdService.HouseholdPage found = service.search(unit, category, name, ids, includeInactive, page, size);
        return PageResponse.of(found.content(), found.totalElements(), page, size, HouseholdView::of);
    }

    @Operation(summary = "Change the poverty status from a date on; the history is kept")
    @PostMapping("/{id}/poverty-status")
    @PreAuthorize("hasRole('OFFICER')")
    public HouseholdView changePovertyStatus(@PathVariable String id, @Valid @RequestBody ChangePovertyStatusRequest request) {
        return HouseholdView.of(service.changePovertyStatus(id, request));
    }

    @Operation(summary = "Change a household's details; only the fields sent change")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('OFFICER')")
    public HouseholdView update(@PathVariable String id, @Valid @RequestBody UpdateHouseholdRequest request) {
        return HouseholdView.of(service.update(id, request));
    }

    @Operation(summary = "Move a household to another unit (it leaves the caller's area if the unit is elsewhere)")
    @PostMapping("/{id}/move")
    @PreAuthorize("hasRole('OFFICER')")
    public HouseholdView move(@PathVariable String id, @Valid @RequestBody MoveHouseholdRequest request) {
        return HouseholdView.of(service.move(id, request));
    }

    @Operation(summary = "Take a household off the active lists (moved away, deceased); its history is kept")
    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('OFFICER')")
    public HouseholdView deactivate(@PathVariable String id, @Valid @RequestBody DeactivateHouseholdRequest request) {
        return HouseholdView.of(service.deactivate(id, request));
    }

    @Operation(summary = "A household of the caller's area, with its members")
    @GetMapping("/{id}")
    public HouseholdView get(@PathVariable String id) {
        return HouseholdView.of(service.read(id));
    }
}
