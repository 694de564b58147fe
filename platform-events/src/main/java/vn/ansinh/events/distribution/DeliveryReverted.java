package vn.ansinh.events.distribution;

/** A delivery recorded by mistake was reverted: its money and goods go back into the campaign's reservation. */
public record DeliveryReverted(String deliveryId, String campaignId, String householdId, Benefit delivered, String reason) {
}
