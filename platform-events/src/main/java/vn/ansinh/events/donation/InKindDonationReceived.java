package vn.ansinh.events.donation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Goods were received by an office. No donor identity: see the office's records.
 *
 * @param organisationCode the office's organisation whose store took the goods; null for the office's own store
 *                         (and in events older than organisations)
 */
public record InKindDonationReceived(String donationId, String officeUnitCode, List<Item> items, Instant receivedAt,
                                     String organisationCode) {

    /** Goods taken into the office's own store. */
    public InKindDonationReceived(String donationId, String officeUnitCode, List<Item> items, Instant receivedAt) {
        this(donationId, officeUnitCode, items, receivedAt, null);
    }

    /** @param estimatedValue whole VND for the whole line */
    public record Item(String item, String unit, BigDecimal quantity, long estimatedValue) {
    }
}
