package vn.ansinh.distribution.housing;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.IdempotencyKeyFilter;
import vn.ansinh.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/houses")
class HouseController {

    private final Houses houses;
    private final HouseCounts counts;

    HouseController(Houses houses, HouseCounts counts) {
        this.houses = houses;
        this.counts = counts;
    }

    /** A house and its stages. */
    public record HouseView(String id, String officeUnitCode, String organisationCode, String householdId, String unitCode,
                            House.Kind kind, String programme, String fundedBy, String twinningId, long estimatedCost, Long cost, House.Stage stage,
                            LocalDate approvedOn, LocalDate startedOn, LocalDate handedOverOn, LocalDate cancelledOn,
                            String cancelReason, Instant createdAt) {
        static HouseView of(House h) {
            return new HouseView(h.getId(), h.getOfficeUnitCode(), h.getOrganisationCode(), h.getHouseholdId(), h.getUnitCode(),
                    h.getKind(), h.getProgramme(), h.getFundedBy(), h.getTwinningId(), h.getEstimatedCost(), h.getCost(), h.getStage(), h.getApprovedOn(),
                    h.getStartedOn(), h.getHandedOverOn(), h.getCancelledOn(), h.getCancelReason(), h.getCreatedAt());
        }
    }

    @Operation(operationId = "approveHouse", summary = "Approve a house to build or repair for a household of the office's area, "
            + "with what it is expected to cost; a household has one house under way at a time; once per Idempotency-Key")
    @PostMapping
    @PreAuthorize("hasRole('APPROVER')")
    public ResponseEntity<HouseView> approve(@Valid @RequestBody HouseRequests.ApproveRequest request, HttpServletRequest http) {
        House house = houses.approve(request, IdempotencyKeyFilter.requestKeyOf(http));
        return ResponseEntity.created(URI.create("/api/v1/houses/" + house.getId())).body(HouseView.of(house));
    }

    @Operation(operationId = "listHouses", summary = "The houses of an area (default the caller's office) or of one household, "
            + "newest approval first, by stage or by the year they were handed over; paged")
    @GetMapping
    public PageResponse<HouseView> list(
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "householdId", required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String householdId,
            @RequestParam(name = "stage", required = false) House.Stage stage,
            @RequestParam(name = "handedOverIn", required = false) @Min(1990) @Max(2100) Integer handedOverIn,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        List<House> found = houses.list(unit, householdId, stage, handedOverIn);
        int from = (int) Math.min((long) page * size, found.size());
        int to = Math.min(from + size, found.size());
        return new PageResponse<>(found.subList(from, to).stream().map(HouseView::of).toList(), found.size(), page, size,
                to >= found.size());
    }

    @Operation(operationId = "countHouses", summary = "Houses built or repaired for households in hardship, per unit directly below "
            + "the area (default the caller's office) and in total: those handed over in the year, what they cost, and those under way today")
    @GetMapping("/counts")
    public HouseCounts.HousesReport counts(
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "year") @Min(1990) @Max(2100) int year) {
        return counts.of(unit, year);
    }

    @Operation(operationId = "getHouse", summary = "A house and its stages")
    @GetMapping("/{id}")
    public HouseView get(@PathVariable String id) {
        return HouseView.of(houses.get(id));
    }

    @Operation(operationId = "startHouse", summary = "Building began on a day (not before the approval, not after today)")
    @PostMapping("/{id}/start")
    @PreAuthorize("hasRole('OFFICER')")
    public HouseView start(@PathVariable String id, @Valid @RequestBody HouseRequests.StartRequest request) {
        return HouseView.of(houses.start(id, request));
    }

    @Operation(operationId = "handOverHouse", summary = "The family moved in on a day; what the house cost in the end. "
            + "Counted in that year's houses built or repaired")
    @PostMapping("/{id}/hand-over")
    @PreAuthorize("hasRole('OFFICER')")
    public HouseView handOver(@PathVariable String id, @Valid @RequestBody HouseRequests.HandOverRequest request) {
        return HouseView.of(houses.handOver(id, request));
    }

    @Operation(operationId = "cancelHouse", summary = "The house will not be built, with the reason; not once handed over")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('APPROVER')")
    public HouseView cancel(@PathVariable String id, @Valid @RequestBody HouseRequests.CancelRequest request) {
        return HouseView.of(houses.cancel(id, request));
    }
}
