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

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import jakarta.validation.Valid;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/donations")
public class DonationController {

    private final CashDonationService cash;
    private final Bulkhead bulkhead;

    public DonationController(CashDonationService cash, BulkheadRegistry bulkheads) {
        this.cash = cash;
        this.bulkhead = bulkheads.bulkhead("donation-intake");
    }

    public record DonationAccepted(String id, String fundId, long amount, Instant receivedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('OFFICER')")
    public DonationAccepted receiveCash(@Valid @RequestBody CashDonationRequest request) {
        LedgerEntry donation;
        try {
            donation = bulkhead.executeSupplier(() -> cash.receive(request));
        } catch (BulkheadFullException busy) {
            // Overloaded: the sender is told when to come back rather than left waiting on a stalled service.
            throw ApiException.tooManyRequests(Duration.ofSeconds(1));
        }
        return new DonationAccepted(donation.getDonationId(), donation.getAccountId(), donation.getAmount(), donation.getAt());
    }
}
