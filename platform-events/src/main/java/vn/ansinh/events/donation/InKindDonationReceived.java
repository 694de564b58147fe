package vn.ansinh.events.donation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Goods were received by an office. No donor identity: see the office's records. */
public record InKindDonationReceived(String donationId, String officeUnitCode, List<Item> items, Instant receivedAt) {

    /** @param estimatedValue whole VND for the whole line */
    public record Item(String item, String unit, BigDecimal quantity, long estimatedValue) {
    }
}
