package vn.ansinh.events.distribution;

/**
 * An approved campaign asks donation-service to set aside everything its list needs, all or nothing.
 * The answer comes on {@code donation.reservations}; sent again, the request gets the same answer.
 */
public record CampaignReservationRequested(String campaignId, String officeUnitCode, Benefit needed) {
}
