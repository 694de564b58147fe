package vn.ansinh.donation.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.LedgerEntry;

/**
 * Puts every movement out of an account down to the gifts that paid for it, by one rule: <b>first in,
 * first out</b> — a spend takes the oldest money (or goods) of the account not spent yet; what a
 * reverted delivery gives back is the very gifts it had taken, and is spent again before anything
 * newer. Reservations and releases move nothing and are passed over. The rule reads the ledger only,
 * in its order, so the shares are the same whoever works them out and whenever; they are written
 * beside the ledger ({@link GiftShare}) and never change a total: for any account, its shares add up
 * to what it spent, to the đồng (a test holds every account to it).
 * <p>
 * Worked out as far as the ledger goes when asked, from where it stopped last: its place (the last
 * entry put down, the oldest gift not spent up, how much of that gift is spent, and what was given
 * back and not spent again) is one small document per account, moved on only from where it was.
 */
@Service
public class Attribution {

    static final String CURSORS = "trace_cursors";
    private static final int PAGE = 2_000;

    private final MongoTemplate mongo;

    Attribution(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A part of a gift: the gift's donation, its receipt entry, and how much. */
    private record Portion(String donationId, long receivedSeq, long amount) {
    }

    /** Where the working-out of one account stands. */
    private static final class Cursor {
        long seq;
        long lotSeq;
        long lotUsed;
        Deque<Portion> givenBack = new ArrayDeque<>();
        Long version;
    }

    /** Brings the account's shares up to its last ledger entry. */
    public void catchUp(String accountId) {
        while (true) {
            Cursor cursor = load(accountId);
            List<LedgerEntry> entries = mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("seq").gt(cursor.seq))
                    .with(Sort.by("seq")).limit(PAGE), LedgerEntry.class);
            if (entries.isEmpty()) {
                return;
            }
            Lots lots = new Lots(accountId, cursor);
            List<GiftShare> shares = new ArrayList<>();
            for (LedgerEntry entry : entries) {
                if (entry.getKind() == EntryKind.SPENT) {
                    int part = 0;
                    for (Portion portion : lots.take(entry.getAmount(), entry.getSeq())) {
                        shares.add(share(entry, part++, portion, portion.amount()));
                    }
                } else if (entry.getKind() == EntryKind.RETURNED) {
                    int part = 0;
                    for (Portion portion : givenBack(entry, shares)) {
                        shares.add(share(entry, part++, portion, -portion.amount()));
                        cursor.givenBack.add(portion);
                    }
                    List<Portion> ordered = new ArrayList<>(cursor.givenBack);
                    ordered.sort(Comparator.comparingLong(Portion::receivedSeq));
                    cursor.givenBack = new ArrayDeque<>(ordered);
                }
                cursor.seq = entry.getSeq();
            }
            write(shares);
            if (!moveOn(accountId, cursor)) {
                continue; // another worker moved it meanwhile: its shares are these same ones; carry on from its place
            }
            if (entries.size() < PAGE) {
                return;
            }
        }
    }

    /** What a return gives back: the newest parts of that delivery's spend in this account not given back yet. */
    private List<Portion> givenBack(LedgerEntry returned, List<GiftShare> pending) {
        List<GiftShare> ofDelivery = new ArrayList<>(mongo.find(Query.query(Criteria.where("accountId").is(returned.getAccountId())
                .and("deliveryId").is(returned.getDeliveryId()).and("entrySeq").lt(returned.getSeq())), GiftShare.class));
        pending.stream().filter(share -> returned.getDeliveryId() != null && returned.getDeliveryId().equals(share.deliveryId()))
                .filter(share -> ofDelivery.stream().noneMatch(stored -> stored.id().equals(share.id()))).forEach(ofDelivery::add);
        Map<String, Long> left = new HashMap<>();
        Map<String, Long> seqOf = new HashMap<>();
        ofDelivery.stream().sorted(Comparator.comparingLong(GiftShare::entrySeq)).forEach(share -> {
            left.merge(share.donationId(), share.amount(), Long::sum);
            seqOf.put(share.donationId(), share.receivedSeq());
        });
        List<Portion> back = new ArrayList<>();
        long toGive = returned.getAmount();
        List<String> newestFirst = new ArrayList<>(left.keySet());
        newestFirst.sort(Comparator.comparingLong((String donation) -> seqOf.get(donation)).reversed());
        for (String donation : newestFirst) {
            long amount = Math.min(toGive, left.get(donation));
            if (amount > 0) {
                back.add(new Portion(donation, seqOf.get(donation), amount));
                toGive -= amount;
            }
        }
        if (toGive > 0) {
            throw new IllegalStateException("Entry " + returned.getId() + " gives back more than its delivery spent");
        }
        return back;
    }

    private static GiftShare share(LedgerEntry entry, int part, Portion portion, long amount) {
        return new GiftShare(entry.getId() + "#" + part, entry.getAccountId(), portion.donationId(), portion.receivedSeq(),
                entry.getSeq(), entry.getCampaignId(), entry.getDeliveryId(), amount,
                entry.getCampaignId() == null ? entry.getPublicDescription() : null, entry.getAt());
    }

    private void write(List<GiftShare> shares) {
        if (shares.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, GiftShare.class);
        for (GiftShare share : shares) {
            Document stored = new Document();
            mongo.getConverter().write(share, stored);
            stored.remove("_id");
            stored.remove("_class");
            Update update = new Update();
            stored.forEach(update::setOnInsert);
            bulk.upsert(Query.query(Criteria.where("_id").is(share.id())), update);
        }
        bulk.execute();
    }

    /**
     * The gifts of the account in the order they came, read a page at a time from the oldest not spent up.
     * Gifts after the spend being worked out are never taken: the ledger never lets an account spend more
     * than it has received before.
     */
    private final class Lots {
        private final String accountId;
        private final Cursor cursor;
        private final Deque<LedgerEntry> page = new ArrayDeque<>();
        private long readFrom;

        Lots(String accountId, Cursor cursor) {
            this.accountId = accountId;
            this.cursor = cursor;
            this.readFrom = cursor.lotSeq;
        }

        List<Portion> take(long amount, long spentAt) {
            List<Portion> taken = new ArrayList<>();
            while (amount > 0 && !cursor.givenBack.isEmpty()) {
                Portion first = cursor.givenBack.pollFirst();
                long part = Math.min(amount, first.amount());
                taken.add(new Portion(first.donationId(), first.receivedSeq(), part));
                if (part < first.amount()) {
                    cursor.givenBack.addFirst(new Portion(first.donationId(), first.receivedSeq(), first.amount() - part));
                }
                amount -= part;
            }
            while (amount > 0) {
                LedgerEntry lot = current(spentAt);
                long left = lot.getAmount() - cursor.lotUsed;
                long part = Math.min(amount, left);
                taken.add(new Portion(lot.getDonationId(), lot.getSeq(), part));
                amount -= part;
                if (part == left) {
                    page.pollFirst();
                    cursor.lotSeq = lot.getSeq() + 1;
                    cursor.lotUsed = 0;
                } else {
                    cursor.lotUsed += part;
                }
            }
            return taken;
        }

        private LedgerEntry current(long spentAt) {
            if (page.isEmpty()) {
                page.addAll(mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("kind").is(EntryKind.RECEIVED)
                        .and("seq").gte(Math.max(readFrom, cursor.lotSeq)).lt(spentAt)).with(Sort.by("seq")).limit(PAGE), LedgerEntry.class));
                if (!page.isEmpty()) {
                    readFrom = page.peekLast().getSeq() + 1;
                }
            }
            LedgerEntry lot = page.peekFirst();
            if (lot == null) {
                throw new IllegalStateException("Account " + accountId + " spends at entry " + spentAt + " more than it had received");
            }
            if (cursor.lotSeq < lot.getSeq()) {
                cursor.lotSeq = lot.getSeq();
                cursor.lotUsed = 0;
            }
            return lot;
        }
    }

    private Cursor load(String accountId) {
        Document stored = mongo.findById(accountId, Document.class, CURSORS);
        Cursor cursor = new Cursor();
        if (stored != null) {
            cursor.seq = stored.get("seq", Number.class).longValue();
            cursor.lotSeq = stored.get("lotSeq", Number.class).longValue();
            cursor.lotUsed = stored.get("lotUsed", Number.class).longValue();
            cursor.version = stored.get("version", Number.class).longValue();
            for (Document portion : stored.getList("givenBack", Document.class, List.of())) {
                cursor.givenBack.add(new Portion(portion.getString("donationId"), portion.get("receivedSeq", Number.class).longValue(),
                        portion.get("amount", Number.class).longValue()));
            }
        }
        return cursor;
    }

    /** Saves the account's place, only if nobody moved it since it was read. */
    private boolean moveOn(String accountId, Cursor cursor) {
        List<Document> givenBack = cursor.givenBack.stream().map(portion -> new Document("donationId", portion.donationId())
                .append("receivedSeq", portion.receivedSeq()).append("amount", portion.amount())).toList();
        Document place = new Document("_id", accountId).append("seq", cursor.seq).append("lotSeq", cursor.lotSeq)
                .append("lotUsed", cursor.lotUsed).append("givenBack", givenBack);
        if (cursor.version == null) {
            try {
                mongo.insert(place.append("version", 0L), CURSORS);
                return true;
            } catch (DuplicateKeyException startedMeanwhile) {
                return false;
            }
        }
        Update update = new Update().set("seq", cursor.seq).set("lotSeq", cursor.lotSeq).set("lotUsed", cursor.lotUsed)
                .set("givenBack", givenBack).set("version", cursor.version + 1);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("version").is(cursor.version)), update, CURSORS)
                .getModifiedCount() == 1;
    }
}
