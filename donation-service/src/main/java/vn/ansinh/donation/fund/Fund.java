package vn.ansinh.donation.fund;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.Totals;
import vn.ansinh.events.Events;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/** A named fund kept by an office ("Quỹ Vì người nghèo", "Quỹ Đền ơn đáp nghĩa", an emergency fund). */
@Document("funds")
public class Fund extends OutboxDocument implements Audited {

    @Id
    private String id;
    private String name;
    private String officeUnitCode;
    private String purpose;
    /** The organisation of the office the fund belongs to; {@code null} for the office's own fund. */
    private String organisationCode;
    private Instant openedAt;
    /** Totals after the last ledger entry; only {@link vn.ansinh.donation.ledger.Ledger} moves them. */
    private Totals totals = Totals.EMPTY;

    protected Fund() {
    }

    @Override
    public String auditType() {
        return "fund";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    Fund(String id, String name, String officeUnitCode, String purpose, String organisationCode, Instant openedAt) {
        this.id = id;
        this.name = name;
        this.officeUnitCode = officeUnitCode;
        this.purpose = purpose;
        this.organisationCode = organisationCode;
        this.openedAt = openedAt;
        raise(Events.FUND_OPENED, new FundOpened(id, name, officeUnitCode, purpose, organisationCode));
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    /** The fund as an account of the ledger. */
    public Account account() {
        return Account.fund(id, officeUnitCode, name);
    }

    public Totals getTotals() {
        return totals == null ? Totals.EMPTY : totals;
    }
}
