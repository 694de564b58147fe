package vn.ansinh.donation.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.events.Events;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundEntryRecorded;
import vn.ansinh.events.donation.StockEntryRecorded;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.domain.TransientContention;

/**
 * Appends movements to an account's ledger (a fund, or an office's stock of an item) without
 * transactions and without ever letting it go negative, also when several campaigns reserve at once:
 * <ol>
 *   <li>read the account's totals after its last entry n (kept on the fund or stock document);</li>
 *   <li>refuse the movement if those totals do not allow it;</li>
 *   <li>insert entry n+1 — its id is unique, so of two writers only one succeeds; the other starts
 *       again from the totals the winner left;</li>
 *   <li>move the account's totals to entry n+1 (a write conditional on the totals still being at n).</li>
 * </ol>
 * A crash between 3 and 4 leaves an entry the totals do not include yet; the next writer or reader
 * rolls the totals forward first. An operation already recorded (same operation key) is returned,
 * not recorded again.
 * <p>
 * A campaign's movements are also checked against the campaign's own share of the account
 * ({@link CampaignShare}). Each campaign entry carries the share after it, and a small document per
 * campaign and account ({@code campaign_shares}) holds the latest, moved before the account's totals:
 * whoever reads the totals at n (rolling them forward over a crashed writer's entry, share included)
 * reads every share as of n, and every writer of the account competes for the same number n+1.
 */
@Service
public class Ledger {

    private static final int ATTEMPTS = 50;
    /** Entries read at once when rolling the totals forward, after a first, short read (see {@link #totals}). */
    private static final int ROLL_FORWARD_CHUNK = 1_000;
    private static final int ROLL_FORWARD_FIRST = 64;
    private static final String SHARES = "campaign_shares";

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final OutboxDocuments outbox;
    private final Clock clock;
    /** Writes that started again because another writer (another instance, most often) took entry n+1 first. */
    private final Counter numberTaken;
    /** How many receipts each batch write put into a ledger: a hot fund's group commit at work. */
    private final DistributionSummary receiptsPerWrite;
    /** Writes that went in, one movement at a time (reservations, spends) or a batch of receipts: what {@link #numberTaken} is a share of. */
    private final Counter singleWrites;
    private final Counter batchWrites;

    public Ledger(MongoTemplate mongo, EventFactory events, OutboxDocuments outbox, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.numberTaken = Counter.builder("ansinh.ledger.number.taken")
                .description("Ledger writes that started again because another writer took the next entry number first")
                .register(meters);
        this.receiptsPerWrite = DistributionSummary.builder("ansinh.ledger.receipts.per.write")
                .description("Receipts written into a ledger by one batch write (the group commit of a busy fund)")
                .register(meters);
        this.singleWrites = writes(meters, "single");
        this.batchWrites = writes(meters, "batch");
    }

    private static Counter writes(MeterRegistry meters, String kind) {
        return Counter.builder("ansinh.ledger.writes").tag("kind", kind)
                .description("Ledger writes that went in: one movement (single) or a batch of receipts (batch)")
                .register(meters);
    }

    /**
     * Records the movement once.
     *
     * @throws Refusal {@code insufficient-funds} (or another refusal) when the account or the campaign's share cannot make it
     * @throws TransientContention {@code fund-busy} when other writers kept taking the next number: nothing was recorded
     */
    public LedgerEntry record(Account account, Movement movement) {
        if (movement.amount() <= 0) {
            throw new IllegalArgumentException("A movement moves a positive amount");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LedgerEntry done = byOperation(movement.operationKey());
            if (done != null) {
                return done;
            }
            Totals totals = totals(account);
            String refusal = totals.refusalOf(movement);
            if (refusal != null) {
                String code = account.type() == Account.AccountType.STOCK && refusal.equals("insufficient-funds")
                        ? "insufficient-stock" : refusal;
                throw Refusal.conflict(code, account.name(), movement.amount(), totals.available());
            }
            CampaignShare shareAfter = null;
            if (CampaignShare.concerns(movement)) {
                CampaignShare share = storedShare(account.id(), movement.campaignId());
                String campaignRefusal = share.refusalOf(movement);
                if (campaignRefusal != null) {
                    throw Refusal.conflict(campaignRefusal, account.name(), movement.amount(), share.reserved());
                }
                shareAfter = share.after(movement);
            }
            Totals after = totals.after(movement);
            LedgerEntry entry = withEvents(new LedgerEntry(account, after.seq(), movement, after, shareAfter, clock.instant(), recorder()));
            try {
                mongo.insert(entry);
            } catch (DuplicateKeyException takenMeanwhile) {
                numberTaken.increment();
                continue; // another writer took number n+1, or recorded this very operation: look again
            }
            singleWrites.increment();
            moveShare(entry);
            moveTotals(account, totals, after);
            outbox.handOver(entry);
            return entry;
        }
        throw new TransientContention("fund-busy", account.name());
    }

    /**
     * Records many receipts into one fund in a few round trips (batch intake): those already recorded
     * (same operation key) are returned as they are, the others become consecutive entries written in
     * one ordered insert. Receipts never break an invariant, so a writer that took a number meanwhile
     * only makes the batch start again after it.
     */
    public List<LedgerEntry> recordReceipts(Account account, List<Movement> receipts) {
        String recorder = recorder();
        return recordReceipts(account, receipts, receipts.stream().map(receipt -> recorder).toList(), null);
    }

    /**
     * Receipts queued by several requests ({@link ReceiptQueue}): each recorded as made by the person or client
     * of its own request ({@code recorders}, in order), and those without a receipt number numbered from
     * {@code numbering} once the receipts the ledger already holds are set aside.
     */
    public List<LedgerEntry> recordReceipts(Account account, List<Movement> receipts, List<String> recorders, ReceiptNumbering numbering) {
        return recordReceiptsAfter(account, receipts, recorders, numbering, null).entries();
    }

    /** Receipts written, in the order asked, and the account's totals after the last of them as this writer left them. */
    public record ReceiptsWritten(List<LedgerEntry> entries, Totals totals) {
    }

    /**
     * As {@link #recordReceipts(Account, List, List, ReceiptNumbering)}, starting from {@code known}: the totals this
     * writer left after its previous batch, or null. A writer that keeps a hot fund's receipts coming saves reading
     * the totals (two round trips) for each batch; if anyone else wrote to the account meanwhile, entry n+1 is taken,
     * the insert is refused by its unique id, and the batch starts again from the totals as stored. The totals
     * returned are null when nothing new was written (every receipt was in the ledger already).
     */
    public ReceiptsWritten recordReceiptsAfter(Account account, List<Movement> receipts, List<String> recorders,
                                               ReceiptNumbering numbering, Totals known) {
        Map<String, String> recordedBy = new HashMap<>();
        for (int i = 0; i < receipts.size(); i++) {
            recordedBy.putIfAbsent(receipts.get(i).operationKey(), recorders.get(i));
        }
        // A receipt keeps the number it drew if its batch has to start again: a retry leaves no gap in the numbers.
        Map<String, Movement> numberedBefore = new HashMap<>();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Map<String, LedgerEntry> done = new HashMap<>();
            mongo.find(Query.query(Criteria.where("operationKey").in(receipts.stream().map(Movement::operationKey).toList())),
                    LedgerEntry.class).forEach(entry -> done.put(entry.getOperationKey(), entry));
            Map<String, Movement> toRecord = new LinkedHashMap<>();
            receipts.stream().filter(r -> !done.containsKey(r.operationKey())).forEach(r -> toRecord.putIfAbsent(r.operationKey(), r));
            if (toRecord.isEmpty()) {
                return new ReceiptsWritten(receipts.stream().map(r -> done.get(r.operationKey())).toList(), null);
            }
            Totals start = attempt == 0 && known != null ? known : totals(account);
            Totals running = start;
            List<Movement> numbered = numbered(toRecord.values(), numbering, numberedBefore);
            List<LedgerEntry> entries = new ArrayList<>(toRecord.size());
            for (Movement receipt : numbered) {
                if (receipt.kind() != EntryKind.RECEIVED) {
                    throw new IllegalArgumentException("Only receipts are recorded in batches");
                }
                running = running.after(receipt);
                entries.add(withEvents(new LedgerEntry(account, running.seq(), receipt, running, null, clock.instant(),
                        recordedBy.get(receipt.operationKey()))));
            }
            try {
                mongo.insert(entries, LedgerEntry.class);
            } catch (DuplicateKeyException | BulkOperationException takenMeanwhile) {
                numberTaken.increment();
                continue; // whatever went in is rolled forward and found by its operation key next time round
            }
            batchWrites.increment();
            receiptsPerWrite.record(entries.size());
            moveTotals(account, start, running);
            entries.forEach(entry -> {
                outbox.handOver(entry);
                done.put(entry.getOperationKey(), entry);
            });
            return new ReceiptsWritten(receipts.stream().map(r -> done.get(r.operationKey())).toList(), running);
        }
        throw new TransientContention("fund-busy", account.name());
    }

    /**
     * The account's totals after its last entry, rolling them forward over entries a crashed writer
     * left, or a writer of another instance has not moved the totals over yet. The common case costs
     * one look-up of entry n+1; a run of such entries (a crashed batch of a thousand receipts) is read
     * {@value #ROLL_FORWARD_CHUNK} at a time by id and the totals moved once per chunk, not once per entry.
     * The first read asks for {@value #ROLL_FORWARD_FIRST} only: what is found there is most often another
     * instance's batch of a few dozen receipts into a busy fund, and asking for a thousand ids to find those
     * costs the database a thousand index look-ups each time the two instances cross.
     */
    public Totals totals(Account account) {
        int chunk = ROLL_FORWARD_FIRST;
        while (true) {
            org.bson.Document stored = mongo.findById(account.id(), org.bson.Document.class, account.type().collection);
            org.bson.Document totalsDocument = stored == null ? null : stored.get("totals", org.bson.Document.class);
            Totals totals = totalsDocument == null ? Totals.EMPTY : mongo.getConverter().read(Totals.class, totalsDocument);
            LedgerEntry next = mongo.findById(LedgerEntry.idOf(account.id(), totals.seq() + 1), LedgerEntry.class);
            if (next == null) {
                return totals;
            }
            rollForward(account, totals, chunk);
            chunk = ROLL_FORWARD_CHUNK;
        }
    }

    /** Moves the totals (and campaigns' shares) over the next {@code chunk} entries after {@code totals} that exist. */
    private void rollForward(Account account, Totals totals, int chunk) {
        List<String> ids = new ArrayList<>(chunk);
        for (long seq = totals.seq() + 1; seq <= totals.seq() + chunk; seq++) {
            ids.add(LedgerEntry.idOf(account.id(), seq));
        }
        Map<Long, LedgerEntry> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), LedgerEntry.class).forEach(entry -> found.put(entry.getSeq(), entry));
        LedgerEntry last = null;
        Map<String, LedgerEntry> lastOfEachShare = new LinkedHashMap<>();
        for (long seq = totals.seq() + 1; found.containsKey(seq); seq++) {
            last = found.get(seq);
            if (last.getCampaignShareAfter() != null) {
                lastOfEachShare.put(last.getCampaignId(), last);
            }
        }
        if (last != null) {
            lastOfEachShare.values().forEach(this::moveShare); // shares before totals, as a writer moves them
            moveTotals(account, totals, last.getTotalsAfter());
        }
    }

    /** What the campaign holds of the account now. */
    public CampaignShare shareOf(Account account, String campaignId) {
        totals(account); // rolls forward whatever a crashed writer left, shares included
        return storedShare(account.id(), campaignId);
    }

    private CampaignShare storedShare(String accountId, String campaignId) {
        org.bson.Document stored = mongo.findById(shareId(accountId, campaignId), org.bson.Document.class, SHARES);
        if (stored != null) {
            return new CampaignShare(((Number) stored.get("reserved")).longValue());
        }
        // Entries written before shares were kept: add them up once (a campaign's first reservation finds none).
        CampaignShare share = CampaignShare.NONE;
        for (LedgerEntry entry : mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("campaignId").is(campaignId))
                .with(Sort.by("seq")), LedgerEntry.class)) {
            Movement movement = entry.asMovement();
            share = CampaignShare.concerns(movement) ? share.after(movement) : share;
        }
        return share;
    }

    /** Moves the campaign's share to what the entry left, unless a later entry moved it already. */
    private void moveShare(LedgerEntry entry) {
        if (entry.getCampaignShareAfter() == null) {
            return;
        }
        String id = shareId(entry.getAccountId(), entry.getCampaignId());
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(id).and("seq").lt(entry.getSeq())),
                    new Update().set("reserved", entry.getCampaignShareAfter().reserved()).set("seq", entry.getSeq())
                            .set("accountId", entry.getAccountId()).set("campaignId", entry.getCampaignId()), SHARES);
        } catch (DuplicateKeyException movedFurtherAlready) {
            // the share is at a later entry already
        }
    }

    private static String shareId(String accountId, String campaignId) {
        return accountId + "|" + campaignId;
    }

    public List<LedgerEntry> entries(String accountId, int page, int size) {
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by("seq"))
                .skip((long) page * size).limit(size), LedgerEntry.class);
    }

    /** A campaign's movements in all accounts: what it reserved, spent and was given back. */
    public List<LedgerEntry> entriesOfCampaign(String campaignId) {
        return mongo.find(Query.query(Criteria.where("campaignId").is(campaignId)), LedgerEntry.class);
    }

    /**
     * The receipts as they are, those without a number given the number they drew in an earlier attempt
     * ({@code numberedBefore}, by operation key) or the next numbers, drawn in one round trip.
     */
    private static List<Movement> numbered(java.util.Collection<Movement> receipts, ReceiptNumbering numbering,
                                           Map<String, Movement> numberedBefore) {
        List<Movement> known = receipts.stream().map(receipt -> numberedBefore.getOrDefault(receipt.operationKey(), receipt)).toList();
        int unnumbered = (int) known.stream().filter(receipt -> receipt.receiptNumber() == null).count();
        if (numbering == null || unnumbered == 0) {
            return known;
        }
        java.util.Iterator<String> numbers = numbering.next(unnumbered).iterator();
        List<Movement> numbered = known.stream().map(receipt -> receipt.receiptNumber() == null ? receipt.numbered(numbers.next()) : receipt)
                .toList();
        numbered.forEach(receipt -> numberedBefore.put(receipt.operationKey(), receipt));
        return numbered;
    }

    public LedgerEntry byOperation(String operationKey) {
        return mongo.findOne(Query.query(Criteria.where("operationKey").is(operationKey)), LedgerEntry.class);
    }

    private void moveTotals(Account account, Totals from, Totals to) {
        Criteria atFrom = Criteria.where("totals.seq").is(from.seq());
        if (from.seq() == 0) {
            atFrom = new Criteria().orOperator(atFrom, Criteria.where("totals").exists(false));
        }
        mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(account.id()), atFrom)),
                new Update().set("totals", to), account.type().collection);
    }

    private LedgerEntry withEvents(LedgerEntry entry) {
        Totals after = entry.getTotalsAfter();
        if (entry.getAccountType() == Account.AccountType.STOCK) {
            entry.recordEvent(events.create(Events.STOCK_ENTRY_RECORDED, entry.getAccountId(), entry.getSeq(),
                    new StockEntryRecorded(entry.getAccountId(), entry.getOfficeUnitCode(), entry.getItem(), entry.getUnit(),
                            entry.getSeq(), entry.getKind().name(), entry.getAmount(), entry.getCampaignId(), after.received(),
                            after.reserved(), after.spent(), entry.getAt())));
            return entry;
        }
        entry.recordEvent(events.create(Events.FUND_ENTRY_RECORDED, entry.getAccountId(), entry.getSeq(),
                new FundEntryRecorded(entry.getAccountId(), entry.getOfficeUnitCode(), entry.getSeq(), entry.getKind().name(),
                        entry.getAmount(), entry.getCampaignId(), after.received(), after.reserved(), after.spent(),
                        entry.getAt())));
        if (entry.getKind() == EntryKind.RECEIVED && entry.getDonationId() != null) {
            entry.recordEvent(events.create(Events.CASH_DONATION_RECEIVED, entry.getDonationId(), 0,
                    new CashDonationReceived(entry.getDonationId(), entry.getAccountId(), entry.getOfficeUnitCode(),
                            entry.getAmount(), entry.getChannel(), entry.getAt())));
        }
        return entry;
    }

    /** Who records a movement: the request's person or machine client, or this service doing the saga's work. */
    private static String recorder() {
        return vn.ansinh.platform.audit.Actor.current("donation-service").id();
    }
}
