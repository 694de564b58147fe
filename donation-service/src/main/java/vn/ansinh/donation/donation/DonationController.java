package vn.ansinh.donation.donation;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
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
public class DonationController {

    private final CashDonationService cash;
    private final InKindDonationService goods;
    private final Validator validator;
    private final Bulkhead bulkhead;

    public DonationController(CashDonationService cash, InKindDonationService goods, Validator validator,
                              BulkheadRegistry bulkheads) {
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
