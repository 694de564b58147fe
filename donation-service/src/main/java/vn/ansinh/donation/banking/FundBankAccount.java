package vn.ansinh.donation.banking;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * The bank account a fund takes transfers into, and the fund's transfer code: the short code its
 * VietQR puts into every transfer's description, by which a bank statement's credit finds the fund.
 * Kept beside the fund rather than on it, because the ledger moves the fund's totals with writes of its
 * own and a change of account must never race them. Every change is in the audit trail.
 */
@Document("fund_bank_accounts")
public class FundBankAccount extends OutboxDocument implements Audited {

    @Id
    private String fundId;
    private String officeUnitCode;
    private String bankBin;
    private String bankName;
    private String accountNumber;
    private String accountName;
    private String transferCode;
    private Instant changedAt;

    protected FundBankAccount() {
    }

    FundBankAccount(String fundId, String officeUnitCode, String transferCode) {
        this.fundId = fundId;
        this.officeUnitCode = officeUnitCode;
        this.transferCode = transferCode;
    }

    /** Points the fund at an account (a new one, or the same one with its details corrected); the code stays. */
    void payInto(BankAccountRequest account, Instant at) {
        auditAs(accountNumber == null ? "fund.bank-account.set" : "fund.bank-account.changed");
        this.bankBin = account.bankBin();
        this.bankName = account.bankName() == null || account.bankName().isBlank() ? null : account.bankName().strip();
        this.accountNumber = account.accountNumber();
        this.accountName = account.accountName().strip();
        this.changedAt = at;
    }

    /** The VietQR payload of a transfer into this fund, of any amount (null) or of the one given. */
    public String vietQr(Long amount) {
        return vietQr(amount, transferCode);
    }

    /** The VietQR payload of a transfer into this account carrying another code of the fund (a campaign's appeal). */
    public String vietQr(Long amount, String code) {
        return VietQr.payload(bankBin, accountNumber, amount, code);
    }

    @Override
    public String auditType() {
        return "fund-bank-account";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getFundId() {
        return fundId;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getBankBin() {
        return bankBin;
    }

    public String getBankName() {
        return bankName;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getTransferCode() {
        return transferCode;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
