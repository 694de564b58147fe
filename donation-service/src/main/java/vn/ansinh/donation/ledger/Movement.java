package vn.ansinh.donation.ledger;

/**
 * A movement to record. {@code operationKey} names the business operation (a bank transfer's
 * reference, a campaign's reservation, a delivery): recording the same operation twice records it
 * once, which is what makes redelivered requests and events harmless.
 *
 * @param fromReservation   for SPENT: the money had been reserved for the campaign and leaves the reservation
 * @param description       what the office wrote, for the office and auditors
 * @param publicDescription what the office chose to publish on the fund's public statement (null: a generic line)
 */
public record Movement(String operationKey, EntryKind kind, long amount, boolean fromReservation, String campaignId,
                       String deliveryId, String donationId, String donorId, String channel, String reference,
                       String description, String receiptNumber, String publicDescription, String earmark,
                       java.time.LocalDate expiresOn) {

    public Movement(String operationKey, EntryKind kind, long amount, boolean fromReservation, String campaignId,
                    String deliveryId, String donationId, String donorId, String channel, String reference,
                    String description, String receiptNumber) {
        this(operationKey, kind, amount, fromReservation, campaignId, deliveryId, donationId, donorId, channel, reference,
                description, receiptNumber, null, null, null);
    }

    public Movement(String operationKey, EntryKind kind, long amount, boolean fromReservation, String campaignId,
                    String deliveryId, String donationId, String donorId, String channel, String reference,
                    String description, String receiptNumber, String publicDescription) {
        this(operationKey, kind, amount, fromReservation, campaignId, deliveryId, donationId, donorId, channel, reference,
                description, receiptNumber, publicDescription, null, null);
    }

    /**
     * The same receipt given for one campaign (an appeal's transfer, a gift "for the flood-hit"): its trace
     * puts it to that campaign's spends first. Only a note: the fund's totals and rules are the same.
     */
    public Movement earmarkedFor(String campaignId) {
        return new Movement(operationKey, kind, amount, fromReservation, this.campaignId, deliveryId, donationId, donorId, channel,
                reference, description, receiptNumber, publicDescription, campaignId == null || campaignId.isBlank() ? null : campaignId,
                expiresOn);
    }

    /** The same receipt with the receipt number the batch that records it drew. */
    public Movement numbered(String number) {
        return new Movement(operationKey, kind, amount, fromReservation, campaignId, deliveryId, donationId, donorId, channel,
                reference, description, number, publicDescription, earmark, expiresOn);
    }

    /** The same receipt of perishable goods, with the last day they can be handed out: they go out before goods that keep. */
    public Movement expiringOn(java.time.LocalDate lastDay) {
        return new Movement(operationKey, kind, amount, fromReservation, campaignId, deliveryId, donationId, donorId, channel,
                reference, description, receiptNumber, publicDescription, earmark, lastDay);
    }

    public static Movement received(String operationKey, long amount, String donationId, String donorId, String channel,
                                    String reference, String receiptNumber) {
        return new Movement(operationKey, EntryKind.RECEIVED, amount, false, null, null, donationId, donorId, channel,
                reference, null, receiptNumber);
    }

    public static Movement reserved(String campaignId, String accountId, long amount, String description) {
        return new Movement("reserve:" + campaignId + ":" + accountId, EntryKind.RESERVED, amount, false, campaignId, null, null, null, null,
                null, description, null);
    }

    public static Movement released(String campaignId, String accountId, long amount) {
        return new Movement("release:" + campaignId + ":" + accountId, EntryKind.RELEASED, amount, false, campaignId, null, null, null, null,
                null, null, null);
    }

    public static Movement spentOnDelivery(String campaignId, String deliveryId, String accountId, long amount,
                                           String description) {
        return new Movement("spend:" + deliveryId + ":" + accountId, EntryKind.SPENT, amount, true, campaignId, deliveryId, null, null, null,
                null, description, null);
    }

    /** A reverted delivery: its share goes back into the campaign's reservation. */
    public static Movement returnedFromDelivery(String campaignId, String deliveryId, String accountId, long amount,
                                                String reason) {
        return new Movement("return:" + deliveryId + ":" + accountId, EntryKind.RETURNED, amount, true, campaignId, deliveryId,
                null, null, null, null, reason, null);
    }

    /**
     * One line of a delivery was spent and a later line was refused: the spent line goes back into the
     * campaign's reservation, so a delivery is spent whole or not at all.
     */
    public static Movement undoneSpend(String campaignId, String deliveryId, String accountId, long amount, String reason) {
        return new Movement("undo:" + deliveryId + ":" + accountId, EntryKind.RETURNED, amount, true, campaignId, deliveryId,
                null, null, null, null, reason, null);
    }

    /** What a delivery reverted after its campaign's close gave back leaves the campaign's reservation again. */
    public static Movement releasedAfterClose(String campaignId, String deliveryId, String accountId, long amount) {
        return new Movement("release-return:" + deliveryId + ":" + accountId, EntryKind.RELEASED, amount, false, campaignId,
                deliveryId, null, null, null, null, null, null);
    }

    /** Money paid out by the office directly (a house built, cards bought), not through a campaign's reservation. */
    public static Movement spentDirectly(String operationKey, long amount, String description) {
        return spentDirectly(operationKey, amount, description, null);
    }

    public static Movement spentDirectly(String operationKey, long amount, String description, String publicDescription) {
        return new Movement(operationKey, EntryKind.SPENT, amount, false, null, null, null, null, null, null, description, null,
                publicDescription);
    }
}
