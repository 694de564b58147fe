package vn.ansinh.registry.feedback;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
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

/**
 * Feedback from residents without an account (hotline, portal, residents' meetings typed in by an
 * officer, or the public form), and the office's handling of it: triage, assignment, links, answer,
 * closing, each by a deadline.
 */
@RestController
@Validated
class FeedbackController {

    private final FeedbackService service;
    private final Validator validator;
    private final PerClientRateLimiter rateLimiter;

    FeedbackController(FeedbackService service, Validator validator,
                       @Value("${ansinh.registry.public-feedback.requests-per-minute:10}") int requestsPerMinute) {
        this.service = service;
        this.validator = validator;
        this.rateLimiter = new PerClientRateLimiter(requestsPerMinute, Duration.ofMinutes(1));
    }

    /** What the public sees with a tracking code: the state and the office's answer, nothing the resident wrote. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FeedbackStatus")
    public record Status(String trackingCode, FeedbackKind kind, String unitCode, FeedbackState state, Instant submittedAt,
                         Instant deadline, String answer, Instant answeredAt, Instant closedAt) {
        static Status of(Feedback feedback) {
            return new Status(feedback.getTrackingCode(), feedback.getKind(), feedback.getUnitCode(), feedback.getState(),
                    feedback.getSubmittedAt(), feedback.getDeadline(), feedback.getAnswer(), feedback.getAnsweredAt(),
                    feedback.getClosedAt());
        }
    }

    /** Feedback as the officers of its unit see it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FeedbackView")
    public record View(String id, String trackingCode, FeedbackKind kind, String unitCode, String hamlet, String message,
                       String phone, FeedbackState state, boolean overdue, Instant deadline, String assignee, String householdId,
                       String campaignId, String deliveryId, String answer, String answeredBy, Instant answeredAt,
                       Instant closedAt, Instant submittedAt, List<Feedback.Step> history) {
        static View of(Feedback feedback, Instant now) {
            return new View(feedback.getId(), feedback.getTrackingCode(), feedback.getKind(), feedback.getUnitCode(),
                    feedback.getHamlet(), feedback.getMessage(), feedback.getPhone(), feedback.getState(), feedback.isOverdue(now),
                    feedback.getDeadline(), feedback.getAssignee(), feedback.getHouseholdId(), feedback.getCampaignId(),
                    feedback.getDeliveryId(), feedback.getAnswer(), feedback.getAnsweredBy(), feedback.getAnsweredAt(),
                    feedback.getClosedAt(), feedback.getSubmittedAt(), feedback.getHistory());
        }
    }

    @Operation(summary = "PUBLIC: a resident sends feedback (left off a list, someone wrongly on one, aid not received, other); "
            + "answers a tracking code (rate limited per client address)")
    @PostMapping("/api/v1/public/feedback")
    public ResponseEntity<Status> submit(@RequestBody FeedbackRequests.Submit request, HttpServletRequest http) {
        // Counted before anything else, so a flood of bad requests is limited too.
        rateLimiter.acquire(http.getRemoteAddr());
        RequestValidation.requireValid(validator, request);
        Feedback feedback = service.submit(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/public/feedback/" + feedback.getTrackingCode())).body(Status.of(feedback));
    }

    @Operation(summary = "PUBLIC: where feedback stands and the office's answer, by its tracking code (nothing the resident wrote)")
    @GetMapping("/api/v1/public/feedback/{trackingCode}")
    public Status status(@PathVariable @Pattern(regexp = "^[A-Z0-9-]{10,14}$") String trackingCode, HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return Status.of(service.byTrackingCode(trackingCode));
    }

    @Operation(summary = "Feedback of a unit and below (default: the caller's office) by state, kind and whether it is overdue, "
            + "earliest deadline first; totalElements counts them (overdue=true: how many are overdue)")
    @GetMapping("/api/v1/feedback")
    public PageResponse<View> list(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                                   @RequestParam(name = "state", required = false) FeedbackState state,
                                   @RequestParam(name = "kind", required = false) FeedbackKind kind,
                                   @RequestParam(name = "overdue", required = false) Boolean overdue,
                                   @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                   @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        FeedbackService.FeedbackPage found = service.list(unit, state, kind, overdue, page, size);
        Instant now = service.now();
        return PageResponse.of(found.content(), found.totalElements(), page, size, feedback -> View.of(feedback, now));
    }

    @Operation(summary = "One piece of feedback with every step taken on it (the read is recorded: it holds the resident's words)")
    @GetMapping("/api/v1/feedback/{id}")
    public View get(@PathVariable String id) {
        return View.of(service.read(id), service.now());
    }

    @Operation(summary = "Give the feedback to an officer (by username), or to another one")
    @PostMapping("/api/v1/feedback/{id}/assign")
    @PreAuthorize("hasRole('OFFICER')")
    public View assign(@PathVariable String id, @Valid @RequestBody FeedbackRequests.Assign request) {
        return View.of(service.assign(id, request), service.now());
    }

    @Operation(summary = "Say what the feedback concerns: a household of the registry, a campaign or a delivery")
    @PostMapping("/api/v1/feedback/{id}/link")
    @PreAuthorize("hasRole('OFFICER')")
    public View link(@PathVariable String id, @Valid @RequestBody FeedbackRequests.Link request) {
        return View.of(service.link(id, request), service.now());
    }

    @Operation(summary = "Answer the resident: the answer is what they read with their tracking code (no personal data in it)")
    @PostMapping("/api/v1/feedback/{id}/answer")
    @PreAuthorize("hasRole('OFFICER')")
    public View answer(@PathVariable String id, @Valid @RequestBody FeedbackRequests.Answer request) {
        return View.of(service.answer(id, request), service.now());
    }

    @Operation(summary = "Close answered feedback, with an optional note for the office")
    @PostMapping("/api/v1/feedback/{id}/close")
    @PreAuthorize("hasRole('OFFICER')")
    public View close(@PathVariable String id, @Valid @RequestBody(required = false) FeedbackRequests.Close request) {
        return View.of(service.close(id, request), service.now());
    }
}
