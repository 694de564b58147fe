package vn.ansinh.distribution.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/** A handover recorded by field staff: its id may come from their device, so a resent record is the same delivery. */
@Document("deliveries")
class Delivery extends OutboxDocument implements Audited {

    @Id
    private String id;
    private String campaignId;
    private String entitlementId;
    private String householdId;
    /** The household the delivery counts for after merges of duplicates: one delivery per campaign for it. */
    private String countedHouseholdId;
    private String unitCode;
    private Instant deliveredAt;
    private String deliveredBy;
    private String proof;
    private String recordedBy;
    private Instant recordedAt;
    private Instant revertedAt;
    private String revertedBy;
    private String revertReason;

    protected Delivery() {
    }

    @Override
    public String auditType() {
        return "delivery";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    /**
     * A delivery recorded: raises {@code delivery.recorded} for the counted household (in the commune it
     * lives in today) with what was handed over, told under the campaign's id so that a campaign's
     * deliveries are read in order with it.
     */
    Delivery(String id, String campaignId, String entitlementId, String householdId, String countedHouseholdId, String unitCode,
             Instant deliveredAt, String deliveredBy, String proof, String recordedBy, Instant recordedAt,
             String countedHouseholdUnitCode, Benefit handedOver, int persons) {
        this.id = id;
        this.campaignId = campaignId;
        this.entitlementId = entitlementId;
        this.householdId = householdId;
        this.countedHouseholdId = countedHouseholdId;
        this.unitCode = unitCode;
        this.deliveredAt = deliveredAt;
        this.deliveredBy = deliveredBy;
        this.proof = proof;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        raise(Events.DELIVERY_RECORDED, campaignId, 0,
                new DeliveryRecorded(id, campaignId, countedHouseholdId, countedHouseholdUnitCode, handedOver, persons));
    }

    /** Undoes a delivery recorded by mistake, giving back what it handed over; the household can then be served again. */
    void revert(String by, String reason, Instant at, Benefit givenBack) {
        if (revertedAt != null) {
            throw Refusal.conflict("delivery.reverted", id);
        }
        revertedAt = at;
        revertedBy = by;
        revertReason = reason;
        raise(Events.DELIVERY_REVERTED, campaignId, 1, new DeliveryReverted(id, campaignId, countedHouseholdId, givenBack, reason));
    }

    public boolean isReverted() {
        return revertedAt != null;
    }

    public Instant getRevertedAt() {
        return revertedAt;
    }

    public String getRevertedBy() {
        return revertedBy;
    }

    public String getRevertReason() {
        return revertReason;
    }

    public String getId() {
        return id;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getEntitlementId() {
        return entitlementId;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getCountedHouseholdId() {
        return countedHouseholdId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public String getDeliveredBy() {
        return deliveredBy;
    }

    public String getProof() {
        return proof;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
