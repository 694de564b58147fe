package vn.ansinh.distribution.campaign;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.ansinh.platform.audit.AuditTrail;
import vn.ansinh.platform.audit.FieldChange;
import vn.ansinh.platform.events.OutboxEvent;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.platform.security.OfficeScope;

/**
 * The campaigns' lists: the one class that knows the {@code entitlements} collection, its fields and
 * indexes. Drafting writes entries through it; approval counts them; merges, deliveries and the
 * progress screens ask it the questions below.
 */
@Component
public class Entitlements {

    private static final String CAMPAIGN = "campaignId";
    private static final String HOUSEHOLD = "householdId";
    /** The target unit the entry's part of the list belongs to. */
    private static final String PART = "unitCode";
    private static final String HOUSEHOLD_UNIT = "householdUnitCode";
    private static final String INCLUDED = "included";
    private static final String CHANGES = "changes";
    private static final String SHARE = "share";
    /** Audit records of manual edits wait here until the outbox relay has put them into the audit trail. */
    private static final String OUTBOX = "outbox";
    /** Bulk inserts of a generated list go in slices this long: one round trip each, a bounded request. */
    private static final int INSERT_SLICE = 5_000;

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final AuditTrail audit;
    private final OutboxRelay relay;

    Entitlements(MongoTemplate mongo, OfficeScope scope, AuditTrail audit, OutboxRelay relay) {
        this.mongo = mongo;
        this.scope = scope;
        this.audit = audit;
        this.relay = relay;
    }

    /** A campaign's list, its parts and their counts; a household's other entries (merges, overlaps). */
    @jakarta.annotation.PostConstruct
    void createIndexes() {
        var indexes = mongo.indexOps(Entitlement.class);
        indexes.createIndex(new Index().on(CAMPAIGN, Direction.ASC).on(PART, Direction.ASC).on(INCLUDED, Direction.ASC)
                .named("campaign_part"));
        indexes.createIndex(new Index().on(CAMPAIGN, Direction.ASC).on(HOUSEHOLD_UNIT, Direction.ASC).named("campaign_commune"));
        indexes.createIndex(new Index().on(HOUSEHOLD, Direction.ASC).on(INCLUDED, Direction.ASC).named("household"));
    }

    public Optional<Entitlement> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Entitlement.class));
    }

    /** Households on a campaign's list. */
    long countIncluded(String campaignId) {
        return mongo.count(Query.query(onList(campaignId, true)), Entitlement.class);
    }

    /** Households on one part of a campaign's list. */
    long countIncluded(String campaignId, String part) {
        return mongo.count(Query.query(onList(campaignId, true).and(PART).is(part)), Entitlement.class);
    }

    /** Households on a campaign's list by the commune they lived in when listed. */
    Map<String, Long> includedByCommune(String campaignId) {
        Map<String, Long> byCommune = new TreeMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(onList(campaignId, true)),
                        Aggregation.group(HOUSEHOLD_UNIT).count().as("n")), Entitlement.class, Document.class)
                .forEach(group -> byCommune.put(group.getString("_id"), ((Number) group.get("n")).longValue()));
        return byCommune;
    }

    /**
     * What a campaign's whole list receives: the sum of its entries' shares, in one pass on the server
     * (entries listed before shares existed count as the campaign's default share).
     */
    Share totalOf(String campaignId, List<String> items, Share legacyShare) {
        long cash = 0;
        long persons = 0;
        for (Document group : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(onList(campaignId, true)),
                Aggregation.group(SHARE + ".kind").sum(SHARE + ".cash").as("cash").sum(SHARE + ".persons").as("persons")
                        .count().as("n")), Entitlement.class, Document.class)) {
            cash += ((Number) group.get("cash")).longValue();
            persons += ((Number) group.get("persons")).longValue();
        }
        long legacy = mongo.count(Query.query(onList(campaignId, true).and(SHARE).exists(false)), Entitlement.class);
        long[] goods = new long[items.size()];
        for (Document group : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(onList(campaignId, true)),
                Aggregation.unwind(SHARE + ".goods"), Aggregation.group(SHARE + ".goods.item").sum(SHARE + ".goods.thousandths").as("q")),
                Entitlement.class, Document.class)) {
            int index = items.indexOf(group.getString("_id"));
            if (index >= 0) {
                goods[index] += ((Number) group.get("q")).longValue();
            }
        }
        List<Share.Quantity> quantities = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            long fromLegacy = i < legacyShare.goods().size() ? legacyShare.goods().get(i).thousandths() * legacy : 0;
            quantities.add(new Share.Quantity(items.get(i), goods[i] + fromLegacy));
        }
        return new Share(cash + legacyShare.cash() * legacy, quantities, Math.toIntExact(persons + (long) legacyShare.persons() * legacy), null);
    }

    /** Households on the lists of these campaigns. */
    Set<String> householdsOn(Collection<String> campaignIds) {
        Query onLists = Query.query(Criteria.where(CAMPAIGN).in(campaignIds).and(INCLUDED).is(true));
        onLists.fields().include(HOUSEHOLD);
        Set<String> households = new HashSet<>();
        mongo.find(onLists, Document.class, mongo.getCollectionName(Entitlement.class))
                .forEach(entry -> households.add(entry.getString(HOUSEHOLD)));
        return households;
    }

    /**
     * Writes a generated list in bulk; entries already there stay as they are. Each new entry carries its
     * audit record in its outbox (the same write); the relay is handed the records of the entries written.
     * @return how many were added
     */
    long insertNew(List<Entitlement> list) {
        long added = 0;
        String collection = mongo.getCollectionName(Entitlement.class);
        for (int from = 0; from < list.size(); from += INSERT_SLICE) {
            List<Entitlement> slice = list.subList(from, Math.min(list.size(), from + INSERT_SLICE));
            Set<Integer> notWritten = new HashSet<>();
            try {
                added += mongo.bulkOps(BulkMode.UNORDERED, Entitlement.class).insert(slice).execute().getInsertedCount();
            } catch (BulkOperationException someWereThere) {
                // Unordered: every entry either went in or has its error. Counted from the errors, because the
                // wire server used in tests reports every attempted insert as inserted.
                someWereThere.getErrors().forEach(error -> notWritten.add(error.getIndex()));
                added += slice.size() - notWritten.size();
            }
            for (int i = 0; i < slice.size(); i++) {
                if (!notWritten.contains(i)) {
                    relay.saved(collection, slice.get(i).getId(), slice.get(i).pendingEvents());
                }
            }
        }
        return added;
    }

    /**
     * Puts a household on, or takes it off, a part of a list, keeping the change in its history; its
     * audit record goes into the entry's outbox in the same write.
     */
    Entitlement edit(String campaignId, String householdId, String part, String householdUnitCode, boolean include,
                     Share share, Entitlement.Change change) {
        String id = Entitlement.idOf(campaignId, householdId);
        Entitlement before = mongo.findById(id, Entitlement.class);
        OutboxEvent record = audit.changeRecord(include ? "list.household-added" : "list.household-removed", "entitlement", id,
                householdUnitCode, List.of(new FieldChange(INCLUDED, before == null ? null : before.isIncluded(), include),
                        new FieldChange("reason", null, change.reason())), null);
        Update update = new Update().set(INCLUDED, include);
        if (include) {
            update.set(SHARE, share); // worked out again from the household as it is now
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update.push(CHANGES, change)
                .push(OUTBOX, AuditTrail.asOutboxEntry(record))
                .setOnInsert(CAMPAIGN, campaignId).setOnInsert(HOUSEHOLD, householdId).setOnInsert(PART, part)
                .setOnInsert(HOUSEHOLD_UNIT, householdUnitCode), Entitlement.class);
        relay.saved(mongo.getCollectionName(Entitlement.class), id, List.of(record));
        return mongo.findById(id, Entitlement.class);
    }

    /** The household's entries on any list. */
    List<Entitlement> listedEntriesOf(String householdId) {
        return mongo.find(Query.query(Criteria.where(HOUSEHOLD).is(householdId).and(INCLUDED).is(true)), Entitlement.class);
    }

    /** Of these entries, those on their list. */
    List<Entitlement> includedAmong(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and(INCLUDED).is(true)), Entitlement.class);
    }

    /**
     * A campaign's entries in the requested unit or, by default, the caller's area, by part and
     * household; {@code included} null for every entry.
     */
    public Query inArea(String campaignId, String unitCode, Boolean included) {
        Criteria area = scope.listArea(PART, unitCode);
        Criteria criteria = included == null ? Criteria.where(CAMPAIGN).is(campaignId) : onList(campaignId, included);
        if (!area.getCriteriaObject().isEmpty()) {
            criteria = new Criteria().andOperator(criteria, area);
        }
        return Query.query(criteria).with(Sort.by(PART, "_id"));
    }

    public List<Entitlement> find(Query query) {
        return mongo.find(query, Entitlement.class);
    }

    public long count(Query query) {
        return mongo.count(Query.of(query).limit(0).skip(0), Entitlement.class);
    }

    private static Criteria onList(String campaignId, boolean included) {
        return Criteria.where(CAMPAIGN).is(campaignId).and(INCLUDED).is(included);
    }
}
