package vn.ansinh.donation.banking;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;
import vn.ansinh.platform.domain.Refusal;

/**
 * Money in from a bank statement, once per office, bank and the bank's transaction reference: a
 * statement imported twice finds its credits here and records nothing twice. A credit whose
 * description names a fund's transfer code is recorded as a BANK donation into that fund; one that
 * names none waits ({@link State#UNMATCHED}) until an officer assigns it to a fund or sets it aside
 * as no gift (a refund, the bank's interest). Decisions on a waiting credit are in the audit trail.
 */
@Document(BankCredit.COLLECTION)
public class BankCredit extends OutboxDocument implements Audited {

    static final String COLLECTION = "bank_credits";

    public enum State {
        /** In no fund yet: waits for an officer. */
        UNMATCHED,
        /** Its fund is known and its donation is being written (a crash here is finished by the next import or assignment). */
        RECORDING,
        RECORDED,
        /** Set aside by an officer as no gift, with the reason. */
        DISMISSED
    }

    @Id
    private String id;
    private String officeUnitCode;
    private String bank;
    private String accountNumber;
    private String statementId;
    private int row;
    private String reference;
    private Instant bookedAt;
    private long amount;
    private String description;
    private State state;
    private String fundId;
    /** The campaign it is meant for, when it came through a campaign's appeal. */
    private String earmark;
    private String donationId;
    private String receiptNumber;
    private String settledBy;
    private Instant settledAt;
    private String dismissReason;

    protected BankCredit() {
    }

    /** The same id whenever the same office imports the same bank's transaction. */
    static String idOf(String officeUnitCode, String bank, String reference) {
        return vn.ansinh.platform.web.KeyedCreation.idFor("bank-credit", officeUnitCode + ":" + bank + ":" + reference);
    }

    /** An officer puts a waiting credit into a fund of its office; a credit already on its way there is finished. */
    void assignTo(String fundId, String officer, Instant at) {
        if (!(state == State.UNMATCHED || state == State.RECORDING && fundId.equals(this.fundId))) {
            throw Refusal.conflict("bank-credit.settled", id, state);
        }
        this.state = State.RECORDING;
        this.fundId = fundId;
        this.settledBy = officer;
        this.settledAt = at;
        auditAs("bank-credit.assigned");
    }

    void recordedAs(String donationId, String receiptNumber) {
        this.state = State.RECORDED;
        this.donationId = donationId;
        this.receiptNumber = receiptNumber;
        auditAs("bank-credit.recorded");
    }

    void dismiss(String reason, String officer, Instant at) {
        if (state != State.UNMATCHED) {
            throw Refusal.conflict("bank-credit.settled", id, state);
        }
        this.state = State.DISMISSED;
        this.dismissReason = reason;
        this.settledBy = officer;
        this.settledAt = at;
        auditAs("bank-credit.dismissed");
    }

    @Override
    public String auditType() {
        return "bank-credit";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getId() {
        return id;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getBank() {
        return bank;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getStatementId() {
        return statementId;
    }

    public int getRow() {
        return row;
    }

    public String getReference() {
        return reference;
    }

    public Instant getBookedAt() {
        return bookedAt;
    }

    public long getAmount() {
        return amount;
    }

    public String getDescription() {
        return description;
    }

    public State getState() {
        return state;
    }

    public String getFundId() {
        return fundId;
    }

    public String getEarmark() {
        return earmark;
    }

    public String getDonationId() {
        return donationId;
    }

    public String getReceiptNumber() {
        return receiptNumber;
    }

    public String getSettledBy() {
        return settledBy;
    }

    public Instant getSettledAt() {
        return settledAt;
    }

    public String getDismissReason() {
        return dismissReason;
    }
}
