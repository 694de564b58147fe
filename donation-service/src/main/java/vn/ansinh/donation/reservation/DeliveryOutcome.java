package vn.ansinh.donation.reservation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What became of one delivery's event, kept once per delivery and kind: so that a redelivered event
 * changes nothing, a revert arriving before its delivery cancels the spend instead of following it, and
 * a campaign's close can tell when every delivery it counted has been dealt with.
 */
@Document("delivery_outcomes")
class DeliveryOutcome {

    enum Kind {
        SPEND, RETURN
    }

    enum Outcome {
        /** The delivery's money and goods left the campaign's reservation. */
        SPENT,
        /** The campaign's reservation could not give it (closed, or not enough left): nothing was spent. */
        REFUSED,
        /** The delivery had been reverted before its spend arrived: nothing was spent. */
        CANCELLED_BY_REVERT,
        /** The reverted delivery's share went back into the campaign's reservation. */
        RETURNED,
        /** The reverted delivery had spent nothing, so nothing went back. */
        NOTHING_TO_RETURN,
        /** The revert arrived before the delivery's spend; the spend will be cancelled. */
        REVERTED_BEFORE_SPEND
    }

    @Id
    private String id;
    private String campaignId;
    private String deliveryId;
    private Kind kind;
    private Outcome outcome;
    private String reason;
    /** For a spend: the commune the delivery reached (what a gift's trace counts it under); null in outcomes older than it. */
    private String unitCode;
    private Instant at;

    protected DeliveryOutcome() {
    }

    DeliveryOutcome(String campaignId, String deliveryId, Kind kind, Outcome outcome, String reason, String unitCode, Instant at) {
        this.id = idOf(kind, deliveryId);
        this.unitCode = unitCode;
        this.campaignId = campaignId;
        this.deliveryId = deliveryId;
        this.kind = kind;
        this.outcome = outcome;
        this.reason = reason;
        this.at = at;
    }

    static String idOf(Kind kind, String deliveryId) {
        return kind.name().toLowerCase() + ":" + deliveryId;
    }

    Outcome getOutcome() {
        return outcome;
    }

    String getDeliveryId() {
        return deliveryId;
    }

    String getUnitCode() {
        return unitCode;
    }

}
