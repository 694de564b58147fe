package vn.ansinh.events.distribution;

/**
 * A household received its benefit: the money and goods leave the campaign's reservation for good.
 *
 * @param householdId the household the delivery counts for (after duplicate merges)
 * @param unitCode    that household's commune, so that reports count the delivery where it reached
 */
public record DeliveryRecorded(String deliveryId, String campaignId, String householdId, String unitCode, Benefit delivered) {
}
