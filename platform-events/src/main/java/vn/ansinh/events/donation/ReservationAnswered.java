package vn.ansinh.events.donation;

/**
 * donation-service's answer to a campaign's reservation request (the event type says confirmed or
 * rejected).
 *
 * @param reason for a rejection: insufficient-funds, insufficient-stock, unknown-fund, unknown-stock
 * @param detail for a rejection: which fund or item was short, in Vietnamese
 */
public record ReservationAnswered(String campaignId, String reason, String detail) {
}
