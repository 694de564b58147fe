package vn.ansinh.events.distribution;

/**
 * A household received its benefit: the money and goods leave the campaign's reservation for good.
 *
 * @param householdId the household the delivery counts for (after duplicate merges)
 * @param unitCode    that household's commune, so that reports count the delivery where it reached
 * @param persons     the eligible people the delivery served when paid per person (0 in events older than it)
 */
public record DeliveryRecorded(String deliveryId, String campaignId, String householdId, String unitCode, Benefit delivered,
                               int persons) {

    /** A delivery that does not say how many people it served. */
    public DeliveryRecorded(String deliveryId, String campaignId, String householdId, String unitCode, Benefit delivered) {
        this(deliveryId, campaignId, householdId, unitCode, delivered, 0);
    }
}
