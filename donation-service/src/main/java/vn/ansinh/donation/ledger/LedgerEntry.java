package vn.ansinh.donation.ledger;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.EventSourcedDocument;

/**
 * One movement of a fund, immutable once written. Its id is the fund and its number in the fund's
 * ledger, so two writers can never both write entry n: the one that loses tries again on the
 * totals the winner left. A cash donation is its RECEIVED entry.
 */
@Document("ledger_entries")
public class LedgerEntry extends EventSourcedDocument {

    @Id
    private String id;
    private String fundId;
    private String officeUnitCode;
    private long seq;
    private String operationKey;
    private EntryKind kind;
    private long amount;
    private boolean fromReservation;
    private String campaignId;
    private String deliveryId;
    private String donationId;
    private String donorId;
    private String channel;
    private String reference;
    private String description;
    private FundTotals totalsAfter;
    private Instant at;

    protected LedgerEntry() {
    }

    LedgerEntry(String fundId, String officeUnitCode, long seq, Movement movement, FundTotals totalsAfter, Instant at) {
        this.id = idOf(fundId, seq);
        this.fundId = fundId;
        this.officeUnitCode = officeUnitCode;
        this.seq = seq;
        this.operationKey = movement.operationKey();
        this.kind = movement.kind();
        this.amount = movement.amount();
        this.fromReservation = movement.fromReservation();
        this.campaignId = movement.campaignId();
        this.deliveryId = movement.deliveryId();
        this.donationId = movement.donationId();
        this.donorId = movement.donorId();
        this.channel = movement.channel();
        this.reference = movement.reference();
        this.description = movement.description();
        this.totalsAfter = totalsAfter;
        this.at = at;
    }

    static String idOf(String fundId, long seq) {
        return fundId + ":" + seq;
    }

    public String getId() {
        return id;
    }

    public String getFundId() {
        return fundId;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public long getSeq() {
        return seq;
    }

    public String getOperationKey() {
        return operationKey;
    }

    public EntryKind getKind() {
        return kind;
    }

    public long getAmount() {
        return amount;
    }

    public boolean isFromReservation() {
        return fromReservation;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getDonationId() {
        return donationId;
    }

    public String getDonorId() {
        return donorId;
    }

    public String getChannel() {
        return channel;
    }

    public String getReference() {
        return reference;
    }

    public String getDescription() {
        return description;
    }

    public FundTotals getTotalsAfter() {
        return totalsAfter;
    }

    public Instant getAt() {
        return at;
    }
}
