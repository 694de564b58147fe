package vn.ansinh.donation.donation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.EventSourcedDocument;

/** Money received into a fund, in whole VND. */
@Document("donations")
public class CashDonation extends EventSourcedDocument {

    @Id
    private String id;
    private String fundId;
    private String officeUnitCode;
    private String donorId;
    private long amount;
    private Channel channel;
    /** The bank's transaction id; unique per channel, so a re-sent bank notification is the same donation. */
    private String reference;
    private Instant receivedAt;

    protected CashDonation() {
    }

    CashDonation(String id, String fundId, String officeUnitCode, String donorId, long amount, Channel channel,
                 String reference, Instant receivedAt) {
        this.id = id;
        this.fundId = fundId;
        this.officeUnitCode = officeUnitCode;
        this.donorId = donorId;
        this.amount = amount;
        this.channel = channel;
        this.reference = reference;
        this.receivedAt = receivedAt;
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

    public long getAmount() {
        return amount;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getReference() {
        return reference;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
