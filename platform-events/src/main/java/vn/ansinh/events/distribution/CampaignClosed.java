package vn.ansinh.events.distribution;

/**
 * A campaign ended (finished, cancelled or timed out): what it reserved and did not deliver goes back.
 *
 * @param deliveriesRecorded how many deliveries the campaign had recorded when it closed (each one a
 *                           {@code delivery.recorded} event sent before or after this one); donation-service
 *                           gives the rest back only once it has spent them all. Null in events written before
 *                           the count was carried: the rest goes back at once.
 * @param deliveriesReverted how many of them were reverted (each a {@code delivery.reverted} event)
 */
public record CampaignClosed(String campaignId, String reason, Long deliveriesRecorded, Long deliveriesReverted) {

    public CampaignClosed(String campaignId, String reason) {
        this(campaignId, reason, null, null);
    }
}
