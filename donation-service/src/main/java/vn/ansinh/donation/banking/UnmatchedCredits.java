package vn.ansinh.donation.banking;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.fund.FundService;
import vn.ansinh.platform.audit.Actor;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * The credits of bank statements that named no fund, as an office works through them: assigned to a
 * fund of the same office (then recorded as a BANK donation, exactly once), or set aside as no gift.
 * Two officers deciding on one credit at once: the second is told it changed meanwhile.
 */
@Service
public class UnmatchedCredits {

    private final MongoTemplate mongo;
    private final FundService funds;
    private final BankStatementImport statements;
    private final OutboxDocuments outbox;
    private final OfficeScope scope;
    private final Clock clock;

    UnmatchedCredits(MongoTemplate mongo, FundService funds, BankStatementImport statements, OutboxDocuments outbox, OfficeScope scope,
                     Clock clock) {
        this.mongo = mongo;
        this.funds = funds;
        this.statements = statements;
        this.outbox = outbox;
        this.scope = scope;
        this.clock = clock;
    }

    /** Credits waiting in the offices of a unit and below (default the caller's office), oldest booking first. */
    public PageImpl<BankCredit> waiting(String officeUnitCode, int page, int size) {
        Query query = Query.query(scope.listArea("officeUnitCode", officeUnitCode).and("state").is(BankCredit.State.UNMATCHED.name()));
        long total = mongo.count(query, BankCredit.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by("bookedAt", "_id"));
        return new PageImpl<>(mongo.find(query.with(pageable), BankCredit.class), pageable, total);
    }

    /** Puts a waiting credit into a fund of its office and records it there as a BANK donation. */
    public BankCredit assign(String creditId, String fundId) {
        BankCredit credit = changeable(creditId);
        Fund fund = funds.manageable(fundId); // an organisation's person puts credits into its own funds only
        if (!fund.getOfficeUnitCode().equals(credit.getOfficeUnitCode())) {
            throw Refusal.unprocessable("bank-credit.other-office", credit.getOfficeUnitCode(), fund.getName());
        }
        credit.assignTo(fund.getId(), Actor.current("donation-service").id(), clock.instant());
        credit = outbox.save(credit); // the decision first: a crash after it leaves a credit that assigning again finishes
        BankStatementImport.Written written = statements.intoLedger(fund.getId(), List.of(credit)).get(0);
        credit.recordedAs(written.entry().getDonationId(), written.entry().getReceiptNumber());
        return outbox.save(credit);
    }

    /** Sets a waiting credit aside as no gift (a refund, the bank's interest), with the reason. */
    public BankCredit dismiss(String creditId, String reason) {
        BankCredit credit = changeable(creditId);
        credit.dismiss(reason.strip(), Actor.current("donation-service").id(), clock.instant());
        return outbox.save(credit);
    }

    private BankCredit changeable(String creditId) {
        BankCredit credit = mongo.findById(creditId, BankCredit.class);
        if (credit == null || !scope.canRead(CallerOffice.current(), credit.getOfficeUnitCode())) {
            throw Refusal.notFound("bank credit", creditId);
        }
        scope.requireCovers(credit.getOfficeUnitCode());
        return credit;
    }
}
