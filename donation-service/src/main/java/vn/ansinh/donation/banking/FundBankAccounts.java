package vn.ansinh.donation.banking;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.fund.FundService;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Funds' bank accounts and transfer codes. A transfer code is "AS" and six letters and digits that
 * cannot be misread for one another (no 0/O, 1/I/L), unique in the installation: it is drawn at random
 * and claimed in {@code transfer_codes} by its id, so two funds can never hold the same one.
 */
@Service
public class FundBankAccounts {

    static final String CODES = "transfer_codes";
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FundService funds;
    private final MongoTemplate mongo;
    private final OutboxDocuments outbox;
    private final OfficeScope scope;
    private final Clock clock;

    FundBankAccounts(FundService funds, MongoTemplate mongo, OutboxDocuments outbox, OfficeScope scope, Clock clock) {
        this.funds = funds;
        this.mongo = mongo;
        this.outbox = outbox;
        this.scope = scope;
        this.clock = clock;
    }

    /** Sets or corrects the account of a fund of the caller's area; the fund keeps its transfer code. */
    public FundBankAccount set(String fundId, BankAccountRequest request) {
        Fund fund = funds.manageable(fundId);
        FundBankAccount account = mongo.findById(fund.getId(), FundBankAccount.class);
        if (account == null) {
            account = new FundBankAccount(fund.getId(), fund.getOfficeUnitCode(), claimCode(fund.getId()));
            account.payInto(request, clock.instant());
            try {
                return outbox.insert(account);
            } catch (DuplicateKeyException setMeanwhile) { // another officer set it at the same moment: correct theirs
                account = mongo.findById(fund.getId(), FundBankAccount.class);
            }
        }
        account.payInto(request, clock.instant());
        return outbox.save(account);
    }

    /** The account of a fund the caller may read; absent when the fund has none yet. */
    public FundBankAccount of(String fundId) {
        Fund fund = funds.get(fundId);
        FundBankAccount account = mongo.findById(fund.getId(), FundBankAccount.class);
        if (account == null) {
            throw Refusal.notFound("bank account of fund", fundId);
        }
        return account;
    }

    /** The account of any fund, for the public: what a donor needs to give to it, nothing else. */
    public FundBankAccount ofAnyFund(String fundId) {
        return find(fundId).orElseThrow(() -> Refusal.notFound("bank account of fund", fundId));
    }

    /** The account of a fund, if its office has set one (no check of the caller: for what is public anyway). */
    public java.util.Optional<FundBankAccount> find(String fundId) {
        return java.util.Optional.ofNullable(mongo.findById(fundId, FundBankAccount.class));
    }

    /**
     * Opens a campaign's appeal on a fund of the caller's area that has an account: a code of its own; the
     * same campaign on the same fund twice is the same appeal.
     */
    public Appeal openAppeal(String fundId, AppealRequest request) {
        funds.manageable(fundId);
        FundBankAccount account = of(fundId);
        Appeal existing = mongo.findOne(Query.query(Criteria.where("fundId").is(account.getFundId())
                .and("campaignId").is(request.campaignId())), Appeal.class);
        if (existing != null) {
            return existing;
        }
        try {
            return outbox.insert(new Appeal(claimCode(account.getFundId()), account.getFundId(), account.getOfficeUnitCode(),
                    request.campaignId(), request.name().strip(), clock.instant()));
        } catch (DuplicateKeyException openedMeanwhile) { // one appeal per fund and campaign (a unique index)
            return mongo.findOne(Query.query(Criteria.where("fundId").is(account.getFundId()).and("campaignId").is(request.campaignId())),
                    Appeal.class);
        }
    }

    /** One appeal of a fund. */
    public Appeal appeal(String fundId, String transferCode) {
        Appeal appeal = mongo.findById(transferCode, Appeal.class);
        if (appeal == null || !appeal.getFundId().equals(fundId)) {
            throw Refusal.notFound("appeal", transferCode);
        }
        return appeal;
    }

    /** A fund's appeals, oldest first. */
    public List<Appeal> appealsOf(String fundId) {
        return mongo.find(Query.query(Criteria.where("fundId").is(fundId)).with(org.springframework.data.domain.Sort.by("openedAt")),
                Appeal.class);
    }

    /** Every appeal of one office, matched like its funds' codes. */
    public List<Appeal> appealsOfOffice(String officeUnitCode) {
        return mongo.find(Query.query(Criteria.where("officeUnitCode").is(officeUnitCode)), Appeal.class);
    }

    /** Every fund account of one office: the codes its bank statements' credits are matched against. */
    public List<FundBankAccount> ofOffice(String officeUnitCode) {
        return mongo.find(Query.query(Criteria.where("officeUnitCode").is(officeUnitCode)), FundBankAccount.class);
    }

    private String claimCode(String fundId) {
        while (true) {
            StringBuilder code = new StringBuilder("AS");
            for (int i = 0; i < 6; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            try {
                mongo.insert(new Document("_id", code.toString()).append("fundId", fundId), CODES);
                return code.toString();
            } catch (DuplicateKeyException taken) {
                // 31^6 codes: drawn again, almost never
            }
        }
    }
}
