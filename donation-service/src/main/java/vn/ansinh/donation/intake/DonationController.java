package vn.ansinh.donation.intake;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.PageResponse;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Validator;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.RequestValidation;

@RestController
@RequestMapping("/api/v1/donations")
class DonationController {

    private final CashDonationService cash;
    private final InKindDonationService goods;
    private final Validator validator;
    private final Bulkhead bulkhead;
    private final DonationQueries queries;

    public DonationController(CashDonationService cash, InKindDonationService goods, Validator validator,
                              BulkheadRegistry bulkheads, DonationQueries queries) {
        this.queries = queries;
        this.cash = cash;
        this.goods = goods;
        this.validator = validator;
        this.bulkhead = bulkheads.bulkhead("donation-intake");
    }

    /** A donation taken in: {@code fundId} and {@code amount} for money, {@code officeUnitCode} for goods. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DonationAccepted(String id, String kind, String fundId, Long amount, String officeUnitCode,
                                   String receiptNumber, Instant receivedAt) {
    }

    @Operation(summary = "Donations taken in, newest first: cash into a fund (fundId) or into the funds of an office's area "
            + "(officeUnitCode, default the caller's office), or goods (kind=GOODS); from/to are days (yyyy-MM-dd), both included")
    @GetMapping
    public PageResponse<DonationQueries.DonationView> list(
            @RequestParam(name = "fundId", required = false) @Size(max = 64) String fundId,
            @RequestParam(name = "officeUnitCode", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String officeUnitCode,
            @RequestParam(name = "kind", defaultValue = "CASH") DonationQueries.Kind kind,
            @RequestParam(name = "from", required = false) LocalDate from,
            @RequestParam(name = "to", required = false) LocalDate to,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        return queries.page(fundId, officeUnitCode, kind, from, to, page, size);
    }

    @Operation(summary = "One donation with its receipt (number, date, giver, amount in figures and in words)")
    @GetMapping("/{id}")
    public DonationQueries.DonationView get(@PathVariable @Size(max = 64) String id) {
        return queries.get(id);
    }

    @Operation(summary = "Record money (fundId, amount, channel, reference?) or goods (officeUnitCode, items) received")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('OFFICER')")
    public DonationAccepted receive(@RequestBody DonationRequest request) {
        try {
            return bulkhead.executeSupplier(() -> request.isGoods() ? receiveGoods(request.asGoods()) : receiveCash(request.asCash()));
        } catch (BulkheadFullException busy) {
            // Overloaded: the sender is told when to come back rather than left waiting on a stalled service.
            throw ApiException.tooManyRequests(Duration.ofSeconds(1));
        }
    }

    private DonationAccepted receiveCash(CashDonationRequest request) {
        RequestValidation.requireValid(validator, request);
        LedgerEntry donation = cash.receive(request);
        return new DonationAccepted(donation.getDonationId(), "CASH", donation.getAccountId(), donation.getAmount(),
                donation.getOfficeUnitCode(), donation.getReceiptNumber(), donation.getAt());
    }

    private DonationAccepted receiveGoods(InKindDonationRequest request) {
        RequestValidation.requireValid(validator, request);
        InKindDonation donation = goods.receive(request);
        return new DonationAccepted(donation.getId(), "GOODS", null, null, donation.getOfficeUnitCode(),
                donation.getReceiptNumber(), donation.getReceivedAt());
    }
}
