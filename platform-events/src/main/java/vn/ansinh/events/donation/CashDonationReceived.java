package vn.ansinh.events.donation;

import java.time.Instant;

/** Money was received into a fund. {@code amount} is whole VND. No donor identity: see the fund statement. */
public record CashDonationReceived(String donationId, String fundId, String officeUnitCode, long amount,
                                   String channel, Instant receivedAt) {
}
