package vn.ansinh.registry.need;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.PageResponse;
import vn.ansinh.platform.web.PerClientRateLimiter;
import vn.ansinh.platform.web.RequestValidation;

@RestController
class NeedController {

    private final NeedService service;
    private final Validator validator;
    private final PerClientRateLimiter rateLimiter;

    public NeedController(NeedService service, Validator validator,
                          @Value("${ansinh.registry.public-needs.requests-per-minute:10}") int requestsPerMinute) {
        this.service = service;
        this.validator = validator;
        this.rateLimiter = new PerClientRateLimiter(requestsPerMinute, Duration.ofMinutes(1));
    }

    /** What the public learns about a request: its state and dates, nothing about the person. */
    public record NeedStatus(String trackingCode, NeedState state, Instant submittedAt, Instant updatedAt) {
        static NeedStatus of(Need need) {
            return new NeedStatus(need.getTrackingCode(), need.getState(), need.getSubmittedAt(), need.getUpdatedAt());
        }
    }

    /** A need as officers of its area see it. */
    public record NeedView(String id, String trackingCode, String fullName, String phone, String unitCode, String hamlet,
                           List<NeedKind> needs, String note, NeedState state, String householdId, List<Need.Step> history,
                           Instant submittedAt, Instant updatedAt, long version) {
        static NeedView of(Need need) {
            return new NeedView(need.getId(), need.getTrackingCode(), need.getFullName(), need.getPhone(), need.getUnitCode(),
                    need.getHamlet(), need.getKinds(), need.getNote(), need.getState(), need.getHouseholdId(),
                    need.getHistory(), need.getSubmittedAt(), need.getUpdatedAt(), need.getVersion());
        }
    }

    @Operation(summary = "PUBLIC: a resident reports a need; answers a tracking code (rate limited per client address)")
    @PostMapping("/api/v1/public/needs")
    public ResponseEntity<NeedStatus> submit(@RequestBody SubmitNeedRequest request, HttpServletRequest http) {
        // Counted before anything else, so a flood of bad requests is limited too.
        rateLimiter.acquire(http.getRemoteAddr());
        RequestValidation.requireValid(validator, request);
        Need need = service.submit(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/public/needs/" + need.getTrackingCode())).body(NeedStatus.of(need));
    }

    @Operation(summary = "PUBLIC: where a reported need stands, by its tracking code (no personal data)")
    @GetMapping("/api/v1/public/needs/{trackingCode}")
    public NeedStatus status(@PathVariable @Pattern(regexp = "^[A-Z0-9-]{10,14}$") String trackingCode, HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return NeedStatus.of(service.byTrackingCode(trackingCode));
    }

    @Operation(summary = "Reported needs of a unit and below (default: the caller's office), by state")
    @GetMapping("/api/v1/needs")
    public PageResponse<NeedView> list(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                                       @RequestParam(name = "state", required = false) NeedState state,
                                       @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                       @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        NeedService.NeedPage found = service.list(unit, state, page, size);
        return PageResponse.of(found.content(), found.totalElements(), page, size, NeedView::of);
    }

    @Operation(summary = "A need reported by a resident, with what the office decided")
    @GetMapping("/api/v1/needs/{id}")
    public NeedView get(@PathVariable String id) {
        return NeedView.of(service.get(id));
    }

    @Operation(summary = "The hamlet or commune has checked the need on the ground")
    @PostMapping("/api/v1/needs/{id}/verify")
    @PreAuthorize("hasRole('OFFICER')")
    public NeedView verify(@PathVariable String id, @Valid @RequestBody NeedDecisionRequest request) {
        return NeedView.of(service.verify(id, request));
    }

    @Operation(summary = "Approve a verified need, linking it to a household (householdId) or registering one (household)")
    @PostMapping("/api/v1/needs/{id}/approve")
    @PreAuthorize("hasRole('APPROVER')")
    public NeedView approve(@PathVariable String id, @Valid @RequestBody NeedDecisionRequest request) {
        return NeedView.of(service.approve(id, request));
    }

    @Operation(summary = "Reject a need, with the reason")
    @PostMapping("/api/v1/needs/{id}/reject")
    @PreAuthorize("hasRole('OFFICER')")
    public NeedView reject(@PathVariable String id, @Valid @RequestBody NeedDecisionRequest request) {
        return NeedView.of(service.reject(id, request));
    }
}
