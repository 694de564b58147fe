package vn.ansinh.donation.banking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.intake.DonationOperations;
import vn.ansinh.donation.intake.ReceiptNumbers;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.platform.audit.Actor;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.KeyedCreation;
import vn.ansinh.platform.web.ProblemFactory;

/**
 * An office's bank statement, imported: each credit becomes a BANK donation keyed by the bank's
 * transaction reference, in the fund whose transfer code its description carries (or, with none, the
 * one fund of the office on the statement's account); the others wait for an officer. Debits are
 * money out of the account, recorded elsewhere (a disbursement, a delivery), and only counted.
 * <p>
 * A thousand credits at a time: one bulk write claims them (a credit already known from an earlier
 * import is left as it is), one read finds those to record, each fund's receipts go into its ledger
 * in one batch, one bulk write marks them recorded. A crash anywhere leaves credits being recorded
 * that the next import of the same statement (or an officer's assignment) finishes, and the ledger's
 * operation keys see that none counts twice. Each column mapping is kept per office and bank.
 */
@Service
public class BankStatementImport {

    static final String JOBS = "bank_statement_jobs";
    static final String MAPPINGS = "bank_statement_mappings";
    private static final int CHUNK = 1_000;
    private static final int ERRORS_KEPT = 1_000;

    /** What an import did: every row of the statement is in exactly one of its counts. */
    public record StatementJob(String id, String state, String officeUnitCode, String bank, String accountNumber, String fileName,
                               String importedBy, Instant importedAt, int rows, int credits, int debits, int recorded, int repeated,
                               int alreadyImported, int unmatched, int refused, List<StatementReader.RowError> errors) {
    }

    private final MongoTemplate mongo;
    private final FundBankAccounts accounts;
    private final Ledger ledger;
    private final ReceiptNumbers receiptNumbers;
    private final OfficeScope scope;
    private final JsonMapper json;
    private final ProblemFactory words;
    private final Clock clock;

    BankStatementImport(MongoTemplate mongo, FundBankAccounts accounts, Ledger ledger, ReceiptNumbers receiptNumbers,
                        OfficeScope scope, JsonMapper json, ProblemFactory words, Clock clock) {
        this.words = words;
        this.mongo = mongo;
        this.accounts = accounts;
        this.ledger = ledger;
        this.receiptNumbers = receiptNumbers;
        this.scope = scope;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param officeUnitCode the office whose account the statement is of (null: the caller's)
     * @param bank           the bank's key, under which its column mapping is kept ("VCB", "970436")
     * @param columns        the mapping to read with (and keep for the next statement), or null for the kept one
     * @param accountNumber  the statement's account, when known: credits naming no code go to the office's one fund on it
     */
    public StatementJob importStatement(String officeUnitCode, String bank, StatementColumns columns, String accountNumber,
                                        String fileName, byte[] file) {
        String office = scope.resolve(officeUnitCode == null ? CallerOffice.current().officeCode() : officeUnitCode);
        scope.requireCovers(office);
        String bankKey = bank.strip().toUpperCase(Locale.ROOT);
        StatementColumns mapping = columns != null ? columns : keptMapping(office, bankKey);
        mapping.check();
        Run run = new Run(UUID.randomUUID().toString(), office, bankKey, accountNumber, accounts.ofOffice(office),
                accounts.appealsOfOffice(office));
        java.util.Locale reader = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        new StatementReader(mapping, (code, arguments) -> words.message(code, reader, arguments)).read(file, run::take, run::refuse);
        run.flush();
        if (columns != null) {
            keep(office, bankKey, columns);
        }
        Actor importer = Actor.current("donation-service");
        StatementJob job = new StatementJob(run.statementId, "DONE", office, bankKey, accountNumber, fileName, importer.id(),
                clock.instant(), run.rows, run.credits, run.debits, run.recorded, run.repeated, run.alreadyImported, run.unmatched,
                run.refused, List.copyOf(run.errors));
        mongo.insert(json.convertValue(job, Document.class).append("_id", job.id()), JOBS);
        return job;
    }

    /** A statement import of the caller's area; absent otherwise. */
    public StatementJob job(String id) {
        Document stored = mongo.findById(id, Document.class, JOBS);
        if (stored == null || !scope.canRead(CallerOffice.current(), stored.getString("officeUnitCode"))) {
            throw Refusal.notFound("bank statement import", id);
        }
        stored.remove("_id");
        return json.convertValue(stored, StatementJob.class);
    }

    private StatementColumns keptMapping(String office, String bankKey) {
        Document kept = mongo.findById(office + ":" + bankKey, Document.class, MAPPINGS);
        if (kept == null) {
            throw Refusal.invalid("mapping", "no column mapping is kept for bank " + bankKey + " of this office: send one with the statement");
        }
        return json.convertValue(kept.get("columns", Document.class), StatementColumns.class);
    }

    private void keep(String office, String bankKey, StatementColumns columns) {
        mongo.upsert(Query.query(Criteria.where("_id").is(office + ":" + bankKey)), new Update()
                .set("officeUnitCode", office).set("bank", bankKey)
                .set("columns", json.convertValue(columns, Document.class))
                .set("keptBy", Actor.current("donation-service").id()).set("keptAt", clock.instant()), MAPPINGS);
    }

    /** Where a credit goes: a fund, and the campaign it is meant for when it came through an appeal. */
    record Target(String fundId, String earmark) {
    }

    /**
     * The fund a credit's description points at: a transfer code of the office's funds or appeals, else the
     * account's one fund; null when none does, or two codes do (an officer decides).
     */
    static Target targetOf(String description, List<FundBankAccount> funds, List<Appeal> appeals, String accountNumber) {
        String folded = description == null ? "" : StatementReader.fold(description).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        List<Target> named = new ArrayList<>();
        funds.stream().filter(fund -> folded.contains(fund.getTransferCode())).forEach(fund -> named.add(new Target(fund.getFundId(), null)));
        appeals.stream().filter(appeal -> folded.contains(appeal.getTransferCode()))
                .forEach(appeal -> named.add(new Target(appeal.getFundId(), appeal.getCampaignId())));
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty() && accountNumber != null) {
            List<String> onAccount = funds.stream().filter(fund -> accountNumber.equals(fund.getAccountNumber()))
                    .map(FundBankAccount::getFundId).toList();
            if (onAccount.size() == 1) {
                return new Target(onAccount.get(0), null);
            }
        }
        return null;
    }

    /** A bank's transaction reference as a donation reference: letters, digits and . _ : / - (others become -). */
    static String referenceOf(String bankReference) {
        String cleaned = bankReference.strip().replaceAll("[^A-Za-z0-9._:/-]", "-");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
    }

    /** One import as it goes: the chunk being gathered and the counts so far. */
    private final class Run {

        private final String statementId;
        private final String office;
        private final String bankKey;
        private final String accountNumber;
        private final List<FundBankAccount> funds;
        private final List<Appeal> appeals;
        private final List<StatementLine> chunk = new ArrayList<>(CHUNK);
        private final Set<String> seen = new HashSet<>();
        private final Set<String> claimedNow = new HashSet<>();
        private final List<StatementReader.RowError> errors = new ArrayList<>();
        private int rows;
        private int credits;
        private int debits;
        private int recorded;
        private int repeated;
        private int alreadyImported;
        private int unmatched;
        private int refused;

        Run(String statementId, String office, String bankKey, String accountNumber, List<FundBankAccount> funds, List<Appeal> appeals) {
            this.appeals = appeals;
            this.statementId = statementId;
            this.office = office;
            this.bankKey = bankKey;
            this.accountNumber = accountNumber == null || accountNumber.isBlank() ? null : accountNumber.strip();
            this.funds = funds;
        }

        void take(StatementLine line) {
            rows++;
            if (line.amount() <= 0) {
                debits++;
                return;
            }
            credits++;
            if (!seen.add(referenceOf(line.reference()))) {
                alreadyImported++; // the same transaction twice in one statement (a page repeated in an export)
                return;
            }
            chunk.add(line);
            if (chunk.size() == CHUNK) {
                flush();
            }
        }

        void refuse(StatementReader.RowError error) {
            rows++;
            refused++;
            if (errors.size() < ERRORS_KEPT) {
                errors.add(error);
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<String> ids = claim();
            recordClaimed(ids);
            chunk.clear();
        }

        /** Writes the chunk's credits that are new; counts those known from an earlier import. */
        private List<String> claim() {
            BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BankCredit.COLLECTION);
            List<String> ids = new ArrayList<>(chunk.size());
            Map<Integer, String> fundOfNew = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                StatementLine line = chunk.get(i);
                String reference = referenceOf(line.reference());
                String id = BankCredit.idOf(office, bankKey, reference);
                ids.add(id);
                Target target = targetOf(line.description(), funds, appeals, accountNumber);
                String fundId = target == null ? null : target.fundId();
                fundOfNew.put(i, fundId);
                claims.upsert(Query.query(Criteria.where("_id").is(id)), new Update()
                        .setOnInsert("officeUnitCode", office).setOnInsert("bank", bankKey).setOnInsert("accountNumber", accountNumber)
                        .setOnInsert("statementId", statementId).setOnInsert("row", line.row()).setOnInsert("reference", reference)
                        .setOnInsert("bookedAt", line.bookedAt()).setOnInsert("amount", line.amount())
                        .setOnInsert("description", line.description())
                        .setOnInsert("state", (fundId == null ? BankCredit.State.UNMATCHED : BankCredit.State.RECORDING).name())
                        .setOnInsert("fundId", fundId).setOnInsert("earmark", target == null ? null : target.earmark())
                        .setOnInsert("donationId", KeyedCreation.idFor("donation", "bank-credit:" + id))
                        .setOnInsert("version", 0L).setOnInsert("outbox", List.of()));
            }
            Set<Integer> inserted = new HashSet<>();
            claims.execute().getUpserts().forEach(upsert -> inserted.add(upsert.getIndex()));
            claimedNow.clear();
            for (int i = 0; i < chunk.size(); i++) {
                if (inserted.contains(i)) {
                    claimedNow.add(ids.get(i));
                }
                if (!inserted.contains(i)) {
                    alreadyImported++;
                } else if (fundOfNew.get(i) == null) {
                    unmatched++;
                }
            }
            return ids;
        }

        /** Records every credit of the chunk that has a fund and is not in its ledger yet (new, or left by a crash). */
        private void recordClaimed(List<String> ids) {
            List<BankCredit> toRecord = mongo.find(Query.query(Criteria.where("_id").in(ids)
                    .and("state").is(BankCredit.State.RECORDING.name())), BankCredit.class);
            Map<String, List<BankCredit>> byFund = new LinkedHashMap<>();
            toRecord.forEach(credit -> byFund.computeIfAbsent(credit.getFundId(), fund -> new ArrayList<>()).add(credit));
            BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, BankCredit.COLLECTION);
            byFund.forEach((fundId, fundCredits) -> {
                for (Written entry : intoLedger(fundId, fundCredits)) {
                    if (!claimedNow.contains(entry.creditId())) {
                        alreadyImported--; // known from an import a crash cut short: finished now, counted as recorded
                    }
                    marks.updateOne(Query.query(Criteria.where("_id").is(entry.creditId())), new Update()
                            .set("state", BankCredit.State.RECORDED.name()).set("donationId", entry.entry().getDonationId())
                            .set("receiptNumber", entry.entry().getReceiptNumber()).inc("version", 1));
                    if (entry.recordedNow()) {
                        recorded++;
                    } else {
                        repeated++;
                    }
                }
            });
            if (!toRecord.isEmpty()) {
                marks.execute();
            }
        }

    }

    /** A credit's entry in its fund's ledger, and whether this write made it (not an earlier one of the same transfer). */
    record Written(String creditId, LedgerEntry entry, boolean recordedNow) {
    }

    /** Writes credits into one fund's ledger as BANK donations, in one batch; already recorded ones are found, not repeated. */
    List<Written> intoLedger(String fundId, List<BankCredit> credits) {
        Fund fund = mongo.findById(fundId, Fund.class);
        if (fund == null) { // a fund is never deleted: the database is not the one the credits were claimed in
            throw new IllegalStateException("Bank credits for fund " + fundId + ", which this database does not have");
        }
        List<String> numbers = receiptNumbers.nextBlock(fund.getOfficeUnitCode(), credits.size());
        List<Movement> receipts = new ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            BankCredit credit = credits.get(i);
            receipts.add(Movement.received(DonationOperations.operationKey(fundId, "BANK", credit.getReference(), null),
                    credit.getAmount(), credit.getDonationId(), null, "BANK", credit.getReference(), numbers.get(i))
                    .earmarkedFor(credit.getEarmark()));
        }
        List<LedgerEntry> entries = ledger.recordReceipts(fund.account(), receipts);
        List<Written> written = new ArrayList<>(credits.size());
        for (int i = 0; i < credits.size(); i++) {
            written.add(new Written(credits.get(i).getId(), entries.get(i), entries.get(i).getDonationId().equals(credits.get(i).getDonationId())));
        }
        return written;
    }
}
