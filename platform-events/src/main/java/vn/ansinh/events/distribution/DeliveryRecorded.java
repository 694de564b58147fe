package vn.ansinh.events.distribution;

/** A household received its benefit: the money and goods leave the campaign's reservation for good. */
public record DeliveryRecorded(String deliveryId, String campaignId, String householdId, Benefit delivered) {
}
