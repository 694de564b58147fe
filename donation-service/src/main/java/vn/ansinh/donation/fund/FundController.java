package vn.ansinh.donation.fund;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.Totals;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/funds")
class FundController {

    private final FundService service;
    private final Ledger ledger;
    private final OfficeScope scope;

    public FundController(FundService service, Ledger ledger, OfficeScope scope) {
        this.service = service;
        this.ledger = ledger;
        this.scope = scope;
    }

    /** A fund with its figures in whole VND. */
    public record FundView(String id, String name, String officeUnitCode, String purpose, long balance, long reserved,
                           long available, long received, long spent, String organisationCode) {
        static FundView of(Fund fund, Totals totals) {
            return new FundView(fund.getId(), fund.getName(), fund.getOfficeUnitCode(), fund.getPurpose(),
                    totals.balance(), totals.reserved(), totals.available(), totals.received(), totals.spent(),
                    fund.getOrganisationCode());
        }
    }

    @Operation(summary = "Open a fund for an office (once per Idempotency-Key)")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<FundView> open(@Valid @RequestBody OpenFundRequest request, jakarta.servlet.http.HttpServletRequest http) {
        String requestKey = vn.ansinh.platform.web.IdempotencyKeyFilter.requestKeyOf(http);
        Fund fund = requestKey == null ? service.open(request) : service.open(request, requestKey);
        return ResponseEntity.created(URI.create("/api/v1/funds/" + fund.getId()))
                .body(FundView.of(fund, service.totalsOf(fund)));
    }

    /** One movement of the fund as its office and auditors see it. */
    public record LedgerLine(long seq, EntryKind kind, long amount, String campaignId, String deliveryId, String donationId,
                             String channel, String reference, String description, long balanceAfter, long reservedAfter,
                             Instant at) {
        static LedgerLine of(LedgerEntry entry) {
            return new LedgerLine(entry.getSeq(), entry.getKind(), entry.getAmount(), entry.getCampaignId(),
                    entry.getDeliveryId(), entry.getDonationId(), entry.getChannel(), entry.getReference(),
                    entry.getDescription(), entry.getTotalsAfter().balance(), entry.getTotalsAfter().reserved(), entry.getAt());
        }
    }

    @Operation(summary = "The fund's ledger in order: every amount received, reserved, released and spent")
    @GetMapping("/{id}/ledger")
    public PageResponse<LedgerLine> ledger(@PathVariable String id,
                                           @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                           @RequestParam(name = "size", defaultValue = "100") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        Fund fund = service.get(id);
        long entries = service.totalsOf(fund).seq();
        return PageResponse.of(ledger.entries(fund.getId(), page, size), entries, page, size, LedgerLine::of);
    }

    @Operation(summary = "Pay money out of the fund directly (houses, cards), with what it was for; never below zero")
    @PostMapping("/{id}/disbursements")
    @PreAuthorize("hasRole('APPROVER')")
    public ResponseEntity<LedgerLine> disburse(@PathVariable String id, @Valid @RequestBody DisbursementRequest request) {
        Fund fund = service.manageable(id);
        String operation = request.reference() == null || request.reference().isBlank()
                ? "disbursement:" + UUID.randomUUID() : "disbursement:" + fund.getId() + ":" + request.reference();
        LedgerEntry entry = ledger.record(fund.account(), Movement.spentDirectly(operation, request.amount(), request.description(),
                request.publicDescription() == null || request.publicDescription().isBlank() ? null : request.publicDescription().strip()));
        return ResponseEntity.status(HttpStatus.CREATED).body(LedgerLine.of(entry));
    }

    @Operation(summary = "Funds of the offices of a unit and below (default the caller's office), with their figures, paged; "
            + "organisationCode keeps one organisation's funds (OFFICE: the offices' own)")
    @GetMapping
    public PageResponse<FundView> list(@RequestParam(name = "officeUnitCode", required = false)
                                       @jakarta.validation.constraints.Pattern(regexp = vn.ansinh.platform.adminunit.UnitKeys.KEY_OR_NATIONAL)
                                       String officeUnitCode,
                                       @RequestParam(name = "organisationCode", required = false)
                                       @jakarta.validation.constraints.Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}")
                                       String organisationCode,
                                       @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                       @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        var found = service.list(officeUnitCode, organisationCode, page, size);
        // The totals kept on each fund: a list does not roll every ledger forward (the fund's own page does).
        return PageResponse.of(found.getContent(), found.getTotalElements(), page, size, fund -> FundView.of(fund, fund.getTotals()));
    }

    @Operation(summary = "A fund with its balance, reserved, available, received and spent")
    @GetMapping("/{id}")
    public FundView get(@PathVariable String id) {
        Fund fund = service.get(id);
        return FundView.of(fund, service.totalsOf(fund));
    }
}
