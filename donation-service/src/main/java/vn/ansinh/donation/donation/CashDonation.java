package vn.ansinh.donation.donation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.OutboxEvent;

/** Money received into a fund, in whole VND. */
@Document("donations")
public class CashDonation {

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
    @Version
    private Long version;
    private List<OutboxEvent> outbox = new ArrayList<>();

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

    long nextVersion() {
        return version == null ? 0 : version + 1;
    }

    void recordEvent(OutboxEvent event) {
        outbox.add(event);
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
