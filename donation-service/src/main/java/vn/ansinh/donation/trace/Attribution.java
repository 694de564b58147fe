package vn.ansinh.donation.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

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
 * first out</b> — a spend takes the oldest money (or goods) of the account not spent yet. A gift given
 * for a campaign (earmarked) goes to that campaign's spends before any other money, and to no other
 * spend while the account has money not meant for anyone; only when that is spent does an earmarked
 * gift pay for what comes next, oldest first (the ledger holds nothing back for an earmark, so every
 * spend is always paid for). Perishable goods (a lot with an expiry date) go out before goods that
 * keep, the soonest to expire first, while they have not expired on the day of the delivery; lots
 * that had expired are put down last, only when nothing else is left. What a reverted delivery gives back is the very gifts it had taken, spent
 * again before anything newer. Reservations and releases move nothing and are passed over.
 * <p>
 * The rule reads the ledger only, in its order, so the shares are the same whoever works them out and
 * whenever; they are written beside the ledger ({@link GiftShare}) and never change a total: for any
 * account they add up to what it spent, to the đồng. Worked out as far as the ledger goes when asked,
 * from where it stopped last: its place is one small document per account, moved on only from where it was.
 */
@Service
public class Attribution {

    static final String CURSORS = "trace_cursors";
    private static final int PAGE = 2_000;

    private final MongoTemplate mongo;

    Attribution(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A part of a gift: the gift's donation, its receipt entry, what it was meant for, and how much. */
    private record Portion(String donationId, long receivedSeq, String earmark, long amount) {
        Portion less(long part) {
            return new Portion(donationId, receivedSeq, earmark, amount - part);
        }

        Portion of(long part) {
            return new Portion(donationId, receivedSeq, earmark, part);
        }
    }

    /** The oldest gift of one queue not spent up, and how much of it is spent. */
    private static final class Place {
        long lotSeq;
        long lotUsed;
    }

    /** Where the working-out of one account stands. */
    private static final class Cursor {
        long seq;
        final Place general = new Place();
        final Map<String, Place> earmarks = new LinkedHashMap<>();
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
            List<GiftShare> pending = new ArrayList<>();
            Gifts gifts = new Gifts(accountId, cursor, pending);
            List<GiftShare> shares = pending;
            for (LedgerEntry entry : entries) {
                if (entry.getKind() == EntryKind.SPENT) {
                    int part = 0;
                    for (Portion portion : gifts.take(entry.getAmount(), entry.getCampaignId(), entry.getSeq(),
                            entry.getAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate())) {
                        shares.add(share(entry, part++, portion, portion.amount()));
                    }
                } else if (entry.getKind() == EntryKind.RETURNED) {
                    int part = 0;
                    List<Portion> back = new ArrayList<>(cursor.givenBack);
                    for (Portion portion : givenBack(entry, shares)) {
                        shares.add(share(entry, part++, portion, -portion.amount()));
                        back.add(portion);
                    }
                    back.sort(Comparator.comparingLong(Portion::receivedSeq));
                    cursor.givenBack = new ArrayDeque<>(back);
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
        Map<String, GiftShare> ofDelivery = new LinkedHashMap<>();
        mongo.find(Query.query(Criteria.where("accountId").is(returned.getAccountId()).and("deliveryId").is(returned.getDeliveryId())
                .and("entrySeq").lt(returned.getSeq())), GiftShare.class).forEach(share -> ofDelivery.put(share.id(), share));
        pending.stream().filter(share -> Objects.equals(returned.getDeliveryId(), share.deliveryId()))
                .forEach(share -> ofDelivery.putIfAbsent(share.id(), share));
        Map<String, Long> left = new HashMap<>();
        Map<String, GiftShare> giftOf = new HashMap<>();
        ofDelivery.values().forEach(share -> {
            left.merge(share.donationId(), share.amount(), Long::sum);
            giftOf.putIfAbsent(share.donationId(), share);
        });
        List<String> newestFirst = new ArrayList<>(left.keySet());
        newestFirst.sort(Comparator.comparingLong((String donation) -> giftOf.get(donation).receivedSeq()).reversed());
        List<Portion> back = new ArrayList<>();
        long toGive = returned.getAmount();
        for (String donation : newestFirst) {
            long amount = Math.min(toGive, left.get(donation));
            if (amount > 0) {
                GiftShare gift = giftOf.get(donation);
                back.add(new Portion(donation, gift.receivedSeq(), gift.earmark(), amount));
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
                portion.earmark(), entry.getSeq(), entry.getCampaignId(), entry.getDeliveryId(), amount,
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

    /** The account's gifts as queues: the one of gifts meant for nobody, and one per campaign gifts were meant for. */
    private final class Gifts {
        private final String accountId;
        private final Cursor cursor;
        private final Map<String, Queue> queues = new HashMap<>();
        private final Queue general;
        private final List<GiftShare> pending;
        private Boolean hasPerishables;

        Gifts(String accountId, Cursor cursor, List<GiftShare> pending) {
            this.accountId = accountId;
            this.cursor = cursor;
            this.pending = pending;
            this.general = new Queue(null, cursor.general);
        }

        List<Portion> take(long amount, String campaignId, long spentAt, java.time.LocalDate spentOn) {
            List<Portion> taken = new ArrayList<>();
            if (campaignId != null) {
                amount = fromGivenBack(taken, amount, portion -> campaignId.equals(portion.earmark()));
                amount = earmarked(campaignId).take(taken, amount, spentAt);
            }
            amount = fromGivenBack(taken, amount, portion -> portion.earmark() == null);
            amount = perishables(taken, amount, spentAt, spentOn, false);
            amount = general.take(taken, amount, spentAt);
            amount = perishables(taken, amount, spentAt, spentOn, true);
            amount = fromGivenBack(taken, amount, portion -> true);
            while (amount > 0) {
                // Money meant for no one is spent: gifts meant for other campaigns pay, oldest first.
                Queue oldest = null;
                for (String earmark : earmarksBefore(spentAt)) {
                    LedgerEntry head = earmarked(earmark).head(spentAt);
                    if (head != null && (oldest == null || head.getSeq() < oldest.head(spentAt).getSeq())) {
                        oldest = earmarked(earmark);
                    }
                }
                if (oldest == null) {
                    throw new IllegalStateException("Account " + accountId + " spends at entry " + spentAt + " more than it had received");
                }
                amount = oldest.take(taken, amount, spentAt);
            }
            return taken;
        }

        private long fromGivenBack(List<Portion> taken, long amount, Predicate<Portion> which) {
            for (Iterator<Portion> it = cursor.givenBack.iterator(); amount > 0 && it.hasNext(); ) {
                Portion portion = it.next();
                if (!which.test(portion)) {
                    continue;
                }
                long part = Math.min(amount, portion.amount());
                taken.add(portion.of(part));
                amount -= part;
                it.remove();
                if (part < portion.amount()) {
                    // What is left of it stays first in line: rebuilt in order below.
                    List<Portion> rest = new ArrayList<>(cursor.givenBack);
                    rest.add(portion.less(part));
                    rest.sort(Comparator.comparingLong(Portion::receivedSeq));
                    cursor.givenBack = new ArrayDeque<>(rest);
                    return amount;
                }
            }
            return amount;
        }

        /**
         * Perishable lots received before the spend: those not expired on its day, soonest to expire first
         * (or, with {@code expired}, those that had, as a last resort). What is left of each is its quantity
         * less its shares so far (stored, and of this run) and less what waits given back.
         */
        private long perishables(List<Portion> taken, long amount, long spentAt, java.time.LocalDate spentOn, boolean expired) {
            if (amount == 0 || !hasPerishables()) {
                return amount;
            }
            Criteria dated = Criteria.where("accountId").is(accountId).and("kind").is(EntryKind.RECEIVED).and("expiresOn").ne(null)
                    .and("seq").lt(spentAt);
            List<LedgerEntry> lots = mongo.find(Query.query(dated), LedgerEntry.class).stream()
                    .filter(lot -> expired == lot.getExpiresOn().isBefore(spentOn))
                    .sorted(Comparator.comparing(LedgerEntry::getExpiresOn).thenComparingLong(LedgerEntry::getSeq)).toList();
            if (lots.isEmpty()) {
                return amount;
            }
            Map<Long, Long> used = new HashMap<>();
            List<Long> seqs = lots.stream().map(LedgerEntry::getSeq).toList();
            java.util.Set<String> stored = new java.util.HashSet<>();
            mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("receivedSeq").in(seqs)), GiftShare.class)
                    .forEach(share -> {
                        used.merge(share.receivedSeq(), share.amount(), Long::sum);
                        stored.add(share.id());
                    });
            pending.stream().filter(share -> !stored.contains(share.id()) && seqs.contains(share.receivedSeq()))
                    .forEach(share -> used.merge(share.receivedSeq(), share.amount(), Long::sum));
            taken.stream().filter(portion -> seqs.contains(portion.receivedSeq()))
                    .forEach(portion -> used.merge(portion.receivedSeq(), portion.amount(), Long::sum));
            cursor.givenBack.stream().filter(portion -> seqs.contains(portion.receivedSeq()))
                    .forEach(portion -> used.merge(portion.receivedSeq(), portion.amount(), Long::sum));
            for (LedgerEntry lot : lots) {
                long left = lot.getAmount() - used.getOrDefault(lot.getSeq(), 0L);
                long part = Math.min(amount, left);
                if (part > 0) {
                    taken.add(new Portion(lot.getDonationId(), lot.getSeq(), lot.getEarmark(), part));
                    amount -= part;
                }
                if (amount == 0) {
                    break;
                }
            }
            return amount;
        }

        private boolean hasPerishables() {
            if (hasPerishables == null) {
                hasPerishables = mongo.exists(Query.query(Criteria.where("accountId").is(accountId).and("kind").is(EntryKind.RECEIVED)
                        .and("expiresOn").ne(null)), LedgerEntry.class);
            }
            return hasPerishables;
        }

        private Queue earmarked(String campaignId) {
            return queues.computeIfAbsent(campaignId, c -> new Queue(c, cursor.earmarks.computeIfAbsent(c, x -> new Place())));
        }

        private List<String> earmarksBefore(long spentAt) {
            return mongo.findDistinct(Query.query(Criteria.where("accountId").is(accountId).and("kind").is(EntryKind.RECEIVED)
                    .and("earmark").ne(null).and("seq").lt(spentAt)), "earmark", LedgerEntry.class, String.class);
        }

        /** One queue's gifts in the order they came, read a page at a time from the oldest not spent up. */
        private final class Queue {
            private final String earmark;
            private final Place place;
            private final Deque<LedgerEntry> page = new ArrayDeque<>();
            private long readFrom;

            Queue(String earmark, Place place) {
                this.earmark = earmark;
                this.place = place;
                this.readFrom = place.lotSeq;
            }

            long take(List<Portion> taken, long amount, long spentAt) {
                while (amount > 0) {
                    LedgerEntry lot = head(spentAt);
                    if (lot == null) {
                        return amount;
                    }
                    long left = lot.getAmount() - place.lotUsed;
                    long part = Math.min(amount, left);
                    taken.add(new Portion(lot.getDonationId(), lot.getSeq(), lot.getEarmark(), part));
                    amount -= part;
                    if (part == left) {
                        page.pollFirst();
                        place.lotSeq = lot.getSeq() + 1;
                        place.lotUsed = 0;
                    } else {
                        place.lotUsed += part;
                    }
                }
                return 0;
            }

            /** The oldest gift of the queue not spent up and received before {@code spentAt}, or null. */
            LedgerEntry head(long spentAt) {
                if (page.isEmpty()) {
                    page.addAll(mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("kind").is(EntryKind.RECEIVED)
                            .and("earmark").is(earmark).and("expiresOn").is(null).and("seq").gte(Math.max(readFrom, place.lotSeq)).lt(spentAt))
                            .with(Sort.by("seq")).limit(PAGE), LedgerEntry.class));
                    if (!page.isEmpty()) {
                        readFrom = page.peekLast().getSeq() + 1;
                    }
                }
                LedgerEntry lot = page.peekFirst();
                if (lot != null && place.lotSeq < lot.getSeq()) {
                    place.lotSeq = lot.getSeq();
                    place.lotUsed = 0;
                }
                return lot;
            }
        }
    }

    private Cursor load(String accountId) {
        Document stored = mongo.findById(accountId, Document.class, CURSORS);
        Cursor cursor = new Cursor();
        if (stored != null) {
            cursor.seq = number(stored, "seq");
            cursor.general.lotSeq = number(stored, "lotSeq");
            cursor.general.lotUsed = number(stored, "lotUsed");
            cursor.version = number(stored, "version");
            for (Document earmark : stored.getList("earmarks", Document.class, List.of())) {
                Place place = new Place();
                place.lotSeq = number(earmark, "lotSeq");
                place.lotUsed = number(earmark, "lotUsed");
                cursor.earmarks.put(earmark.getString("campaignId"), place);
            }
            for (Document portion : stored.getList("givenBack", Document.class, List.of())) {
                cursor.givenBack.add(new Portion(portion.getString("donationId"), number(portion, "receivedSeq"),
                        portion.getString("earmark"), number(portion, "amount")));
            }
        }
        return cursor;
    }

    private static long number(Document document, String field) {
        return document.get(field, Number.class).longValue();
    }

    /** Saves the account's place, only if nobody moved it since it was read. */
    private boolean moveOn(String accountId, Cursor cursor) {
        List<Document> givenBack = cursor.givenBack.stream().map(portion -> new Document("donationId", portion.donationId())
                .append("receivedSeq", portion.receivedSeq()).append("earmark", portion.earmark()).append("amount", portion.amount()))
                .toList();
        List<Document> earmarks = cursor.earmarks.entrySet().stream().map(entry -> new Document("campaignId", entry.getKey())
                .append("lotSeq", entry.getValue().lotSeq).append("lotUsed", entry.getValue().lotUsed)).toList();
        if (cursor.version == null) {
            try {
                mongo.insert(new Document("_id", accountId).append("seq", cursor.seq).append("lotSeq", cursor.general.lotSeq)
                        .append("lotUsed", cursor.general.lotUsed).append("earmarks", earmarks).append("givenBack", givenBack)
                        .append("version", 0L), CURSORS);
                return true;
            } catch (DuplicateKeyException startedMeanwhile) {
                return false;
            }
        }
        Update update = new Update().set("seq", cursor.seq).set("lotSeq", cursor.general.lotSeq).set("lotUsed", cursor.general.lotUsed)
                .set("earmarks", earmarks).set("givenBack", givenBack).set("version", cursor.version + 1);
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("version").is(cursor.version)), update, CURSORS)
                .getModifiedCount() == 1;
    }
}
