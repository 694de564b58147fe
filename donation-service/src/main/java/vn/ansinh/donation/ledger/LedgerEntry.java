package vn.ansinh.donation.ledger;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * One movement of a fund or of an office's stock of an item, immutable once written. Its id is the
 * account and its number in the account's ledger, so two writers can never both write entry n: the
 * one that loses tries again on the totals the winner left. A cash donation is its RECEIVED entry.
 */
@Document("ledger_entries")
public class LedgerEntry extends OutboxDocument implements Audited {

    @Id
    private String id;
    private String accountId;
    private Account.AccountType accountType;
    private String officeUnitCode;
    private String item;
    private String unit;
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
    private String publicDescription;
    private String receiptNumber;
    /** For a receipt: the campaign the giver meant it for, if any (its trace puts it to that campaign first). */
    private String earmark;
    /** For a receipt of perishable goods: the last day they can be handed out (yyyy-MM-dd). */
    private String expiresOn;
    private Totals totalsAfter;
    /** For a campaign's movement: what the campaign holds of this account after it. */
    private CampaignShare campaignShareAfter;
    private Instant at;
    /** Who recorded the movement: the person (or machine client) of the request, or the service for the saga's own. */
    private String recordedBy;
    /** The day of {@code at} in Vietnam (yyyy-MM-dd): statements add entries up by day in the database. */
    private String day;

    protected LedgerEntry() {
    }

    @Override
    public String auditType() {
        return "ledger-entry";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    @Override
    public java.util.Set<String> auditDerivedFields() {
        return java.util.Set.of("day");
    }

    LedgerEntry(Account account, long seq, Movement movement, Totals totalsAfter, CampaignShare campaignShareAfter, Instant at,
                String recordedBy) {
        this.recordedBy = recordedBy;
        this.id = idOf(account.id(), seq);
        this.accountId = account.id();
        this.accountType = account.type();
        this.officeUnitCode = account.officeUnitCode();
        this.item = account.item();
        this.unit = account.unit();
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
        this.publicDescription = movement.publicDescription();
        this.receiptNumber = movement.receiptNumber();
        this.earmark = movement.earmark();
        this.expiresOn = movement.expiresOn() == null ? null : movement.expiresOn().toString();
        this.totalsAfter = totalsAfter;
        this.campaignShareAfter = campaignShareAfter;
        this.at = at;
        this.day = at.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString();
        // "ledger.received" (a donation, goods into stock), "ledger.spent" (a disbursement, a delivery)...
        auditAs("ledger." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    static String idOf(String accountId, long seq) {
        return accountId + ":" + seq;
    }

    public String getId() {
        return id;
    }

    /** The fund's id, or the stock item's. */
    public String getAccountId() {
        return accountId;
    }

    public Account.AccountType getAccountType() {
        return accountType;
    }

    public String getItem() {
        return item;
    }

    public String getUnit() {
        return unit;
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

    /** What the office chose to publish about this entry on the public statement, if anything. */
    public String getPublicDescription() {
        return publicDescription;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public Totals getTotalsAfter() {
        return totalsAfter;
    }

    public CampaignShare getCampaignShareAfter() {
        return campaignShareAfter;
    }

    /** The movement this entry recorded. */
    Movement asMovement() {
        return new Movement(operationKey, kind, amount, fromReservation, campaignId, deliveryId, donationId, donorId, channel,
                reference, description, receiptNumber, publicDescription, earmark,
                expiresOn == null ? null : java.time.LocalDate.parse(expiresOn));
    }

    public java.time.LocalDate getExpiresOn() {
        return expiresOn == null ? null : java.time.LocalDate.parse(expiresOn);
    }

    /**
     * What the public reads about money out: what the office chose to publish, or a line of its own for a
     * campaign's delivery — never the description an officer typed for the office's own books.
     */
    public static String publicDescriptionOf(String published, String campaignId) {
        if (published != null) {
            return published;
        }
        return campaignId != null ? "Cấp phát cho hộ trong đợt hỗ trợ" : "Chi hỗ trợ trực tiếp";
    }

    public String getEarmark() {
        return earmark;
    }

    public Instant getAt() {
        return at;
    }
}
