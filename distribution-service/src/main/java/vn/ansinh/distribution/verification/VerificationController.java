package vn.ansinh.distribution.verification;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ansinh.platform.web.PageResponse;

/** Verification after delivery: samples of a campaign's deliveries, the findings, and the cases they open. */
@RestController
@Validated
class VerificationController {

    private final VerificationService service;

    VerificationController(VerificationService service) {
        this.service = service;
    }

    /** One sampled delivery as verifiers and the campaign's office see it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "VerificationView")
    public record View(String id, String campaignId, String sampleId, String deliveryId, String householdId, String unitCode,
                       Outcome outcome, String note, String verifiedBy, Instant verifiedAt, Verification.CaseState caseState,
                       String caseAnswer, String caseAnsweredBy, Instant caseAnsweredAt) {
        static View of(Verification v) {
            return new View(v.getId(), v.getCampaignId(), v.getSampleId(), v.getDeliveryId(), v.getHouseholdId(), v.getUnitCode(),
                    v.getOutcome(), v.getNote(), v.getVerifiedBy(), v.getVerifiedAt(), v.getCaseState(), v.getCaseAnswer(),
                    v.getCaseAnsweredBy(), v.getCaseAnsweredAt());
        }
    }

    @Operation(summary = "Draw a random sample of the campaign's deliveries not sampled yet, stratified by commune, by size or "
            + "share; the seed (given, or chosen and recorded) reproduces the draw")
    @PostMapping("/api/v1/campaigns/{id}/verification-samples")
    @PreAuthorize("hasRole('APPROVER')")
    @ResponseStatus(HttpStatus.CREATED)
    public VerificationSummary.Sample draw(@PathVariable String id, @Valid @RequestBody VerificationRequests.Draw request) {
        return VerificationSummary.Sample.of(service.draw(id, request));
    }

    @Operation(summary = "The campaign's samples, findings, verified rate (received in full over verified) and open cases")
    @GetMapping("/api/v1/campaigns/{id}/verification")
    public VerificationSummary summary(@PathVariable String id) {
        return service.summary(id);
    }

    @Operation(summary = "The campaign's sampled deliveries (a commune sees its own), by finding, case state or whether verified")
    @GetMapping("/api/v1/campaigns/{id}/verifications")
    public PageResponse<View> list(@PathVariable String id,
                                   @RequestParam(name = "outcome", required = false) Outcome outcome,
                                   @RequestParam(name = "caseState", required = false) Verification.CaseState caseState,
                                   @RequestParam(name = "verified", required = false) Boolean verified,
                                   @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                   @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        VerificationService.VerificationPage found = service.list(id, outcome, caseState, verified, page, size);
        return PageResponse.of(found.content(), found.totalElements(), page, size, View::of);
    }

    @Operation(summary = "One sampled delivery with its finding and case")
    @GetMapping("/api/v1/verifications/{id}")
    public View get(@PathVariable String id) {
        return View.of(service.get(id));
    }

    @Operation(summary = "Record what the household said (an auditor, or a person the sample names); anything but received in "
            + "full opens a case for the campaign's office")
    @PostMapping("/api/v1/verifications/{id}")
    public View record(@PathVariable String id, @Valid @RequestBody VerificationRequests.Finding request) {
        return View.of(service.record(id, request));
    }

    @Operation(summary = "The campaign's office answers the case a discrepancy opened")
    @PostMapping("/api/v1/verifications/{id}/answer")
    @PreAuthorize("hasAnyRole('OFFICER', 'APPROVER')")
    public View answer(@PathVariable String id, @Valid @RequestBody VerificationRequests.CaseAnswer request) {
        return View.of(service.answer(id, request));
    }
}
