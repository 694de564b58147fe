package vn.ansinh.donation.donation;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.ansinh.donation.ledger.LedgerEntry;

@RestController
@RequestMapping("/api/v1/donations")
public class DonationController {

    private final CashDonationService cash;

    public DonationController(CashDonationService cash) {
        this.cash = cash;
    }

    public record DonationAccepted(String id, String fundId, long amount, Instant receivedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('OFFICER')")
    public DonationAccepted receiveCash(@Valid @RequestBody CashDonationRequest request) {
        LedgerEntry donation = cash.receive(request);
        return new DonationAccepted(donation.getDonationId(), donation.getFundId(), donation.getAmount(), donation.getAt());
    }
}
