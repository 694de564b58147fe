package vn.ansinh.donation.ledger;

/**
 * What one campaign still holds of one account (a fund, or an office's stock of an item): what it
 * reserved, less what it released and spent, plus what reverted deliveries gave back. The account's
 * own totals only say that the reservations of all campaigns together are covered; a delivery of one
 * campaign must not spend what another campaign holds, nor what its own close has already released,
 * so every campaign movement is checked against this share as well.
 */
public record CampaignShare(long reserved) {

    public static final CampaignShare NONE = new CampaignShare(0);

    /** True for the movements that belong to a campaign's reservation. */
    static boolean concerns(Movement movement) {
        return movement.campaignId() != null && switch (movement.kind()) {
            case RESERVED, RELEASED, RETURNED -> true;
            case SPENT -> movement.fromReservation();
            case RECEIVED -> false;
        };
    }

    CampaignShare after(Movement movement) {
        long amount = movement.amount();
        return switch (movement.kind()) {
            case RESERVED, RETURNED -> new CampaignShare(reserved + amount);
            case RELEASED, SPENT -> new CampaignShare(reserved - amount);
            case RECEIVED -> this;
        };
    }

    /** Why the campaign cannot make the movement out of its share, or null if it can. */
    String refusalOf(Movement movement) {
        return switch (movement.kind()) {
            case RELEASED -> movement.amount() > reserved ? "release-exceeds-reservation" : null;
            case SPENT -> movement.amount() > reserved ? "spend-exceeds-campaign-reservation" : null;
            case RESERVED, RETURNED, RECEIVED -> null;
        };
    }
}
