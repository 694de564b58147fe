package vn.ansinh.distribution.sponsorship;

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
@RequestMapping("/api/v1/sponsorships")
class SponsorshipController {

    private final Sponsorships sponsorships;

    SponsorshipController(Sponsorships sponsorships) {
        this.sponsorships = sponsorships;
    }

    /** A sponsorship and where it stands today; the instalments and payments only when one is read on its own. */
    public record SponsorshipView(String id, String officeUnitCode, String organisationCode, String householdId, String unitCode,
                                  Integer memberNumber, String sponsor, String purpose, long amount, int everyMonths,
                                  LocalDate startsOn, LocalDate endsOn, Sponsorship.State state, LocalDate endedOn, String endReason,
                                  Instant createdAt, PledgeSchedule.Standing standing, List<PledgeSchedule.Instalment> instalments,
                                  List<Sponsorship.SponsorPayment> payments) {

        static SponsorshipView of(Sponsorship s, LocalDate today, boolean detailed) {
            long paid = s.paid();
            return new SponsorshipView(s.getId(), s.getOfficeUnitCode(), s.getOrganisationCode(), s.getHouseholdId(), s.getUnitCode(),
                    s.getMemberNumber(), s.getSponsor(), s.getPurpose(), s.getAmount(), s.getEveryMonths(), s.getStartsOn(),
                    s.getEndsOn(), s.getState(), s.getEndedOn(), s.getEndReason(), s.getCreatedAt(),
                    s.schedule().standing(paid, today), detailed ? s.schedule().instalments(paid, today) : null,
                    detailed ? s.getPayments() : null);
        }
    }

    @Operation(operationId = "pledgeSponsorship", summary = "Pledge a recurring sponsorship to a household of the office's area, or one of its members "
            + "(a pupil at 200,000 VND a month); once per Idempotency-Key")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<SponsorshipView> pledge(@Valid @RequestBody SponsorshipRequests.PledgeRequest request, HttpServletRequest http) {
        Sponsorship sponsorship = sponsorships.pledge(request, IdempotencyKeyFilter.requestKeyOf(http));
        return ResponseEntity.created(URI.create("/api/v1/sponsorships/" + sponsorship.getId()))
                .body(SponsorshipView.of(sponsorship, sponsorships.today(), true));
    }

    @Operation(operationId = "listSponsorships", summary = "The sponsorships of an area (default the caller's office), each with what fell due, what was paid and "
            + "what is owed today; householdId: one household's; inArrears=true: only those owed, the longest owed first")
    @GetMapping
    public PageResponse<SponsorshipView> list(
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "householdId", required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String householdId,
            @RequestParam(name = "state", required = false) Sponsorship.State state,
            @RequestParam(name = "inArrears", defaultValue = "false") boolean inArrears,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        List<Sponsorship> found = sponsorships.list(unit, householdId, state, inArrears);
        LocalDate today = sponsorships.today();
        int from = (int) Math.min((long) page * size, found.size());
        int to = Math.min(from + size, found.size());
        return new PageResponse<>(found.subList(from, to).stream().map(s -> SponsorshipView.of(s, today, false)).toList(),
                found.size(), page, size, to >= found.size());
    }

    @Operation(operationId = "getSponsorship", summary = "A sponsorship: its instalments as they fall, with what covers each, its payments, and where it stands")
    @GetMapping("/{id}")
    public SponsorshipView get(@PathVariable String id) {
        return SponsorshipView.of(sponsorships.get(id), sponsorships.today(), true);
    }

    @Operation(operationId = "recordSponsorshipPayment", summary = "Record a payment the sponsor made; the oldest instalment owed is covered first. The same reference "
            + "(or Idempotency-Key) twice is one payment")
    @PostMapping("/{id}/payments")
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<SponsorshipView> pay(@PathVariable String id, @Valid @RequestBody SponsorshipRequests.PaymentRequest request,
                                               HttpServletRequest http) {
        sponsorships.pay(id, request, IdempotencyKeyFilter.requestKeyOf(http));
        return ResponseEntity.status(201).body(SponsorshipView.of(sponsorships.get(id), sponsorships.today(), true));
    }

    @Operation(operationId = "endSponsorship", summary = "End a sponsorship from a day, with the reason: no instalment falls after it; what fell due before stays owed")
    @PostMapping("/{id}/end")
    @PreAuthorize("hasRole('OFFICER')")
    public SponsorshipView end(@PathVariable String id, @Valid @RequestBody SponsorshipRequests.EndRequest request) {
        return SponsorshipView.of(sponsorships.end(id, request), sponsorships.today(), true);
    }
}
