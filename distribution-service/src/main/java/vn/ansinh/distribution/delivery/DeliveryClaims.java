package vn.ansinh.distribution.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The households served in each campaign: one claim per campaign and household (the household the
 * delivery counts for, after merges), so a second delivery fails on the claim's id. The only class that
 * knows the collection and its fields; deliveries write claims, progress reads them.
 */
@Component
public class DeliveryClaims {

    static final String COLLECTION = "delivery_claims";
    private static final String CAMPAIGN = "campaignId";
    private static final String UNIT = "unitCode";
    private static final String DELIVERY = "deliveryId";
    private static final String CONFIRMED = "confirmed";
    private static final String AT = "at";

    /** A claim a crash may have left without its delivery. */
    public record Claim(String id, String deliveryId) {
    }

    private final MongoTemplate mongo;

    DeliveryClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A campaign's served households by commune; the sweep reads only the unconfirmed claims. */
    @jakarta.annotation.PostConstruct
    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(CAMPAIGN, Direction.ASC).on(UNIT, Direction.ASC).named("campaign_unit"));
        indexes.createIndex(new Index().on(CONFIRMED, Direction.ASC).on(AT, Direction.ASC)
                .partial(PartialIndexFilter.of(Criteria.where(CONFIRMED).is(false))).named("unconfirmed"));
    }

    static String idOf(String campaignId, String householdId) {
        return campaignId + ":" + householdId;
    }

    /**
     * @return false when the household is served already in the campaign by another delivery; true
     *         when this delivery holds the claim — newly, or because an earlier attempt with the same
     *         delivery id claimed it and died (its instance killed) before saving the delivery
     */
    boolean claim(String campaignId, String householdId, String deliveryId, String unitCode, Instant at) {
        String id = idOf(campaignId, householdId);
        try {
            mongo.insert(new Document("_id", id).append(DELIVERY, deliveryId).append(CAMPAIGN, campaignId)
                    .append(UNIT, unitCode).append(CONFIRMED, false).append(AT, Date.from(at)), COLLECTION);
            return true;
        } catch (DuplicateKeyException servedAlready) {
            return mongo.exists(mine(id, deliveryId), COLLECTION);
        }
    }

    void release(String campaignId, String householdId, String deliveryId) {
        mongo.remove(mine(idOf(campaignId, householdId), deliveryId), COLLECTION);
    }

    /** The delivery is saved: the sweep never needs to read this claim again. */
    void confirm(String campaignId, String householdId, String deliveryId) {
        mongo.updateFirst(mine(idOf(campaignId, householdId), deliveryId), new Update().set(CONFIRMED, true), COLLECTION);
    }

    /** The delivery is being reverted: until its claim is released, the sweep looks at it. */
    void unconfirm(String campaignId, String householdId, String deliveryId) {
        mongo.updateFirst(mine(idOf(campaignId, householdId), deliveryId), new Update().set(CONFIRMED, false), COLLECTION);
    }

    /** True if any of the households was served in the campaign. */
    boolean anyServed(String campaignId, Collection<String> householdIds) {
        return !householdIds.isEmpty() && mongo.exists(Query.query(Criteria.where("_id").in(
                householdIds.stream().map(household -> idOf(campaignId, household)).toList())), COLLECTION);
    }

    List<Claim> unconfirmedBefore(Instant before) {
        Query old = Query.query(Criteria.where(CONFIRMED).is(false).and(AT).lt(Date.from(before)));
        return mongo.find(old, Document.class, COLLECTION).stream()
                .map(claim -> new Claim(claim.getString("_id"), claim.getString(DELIVERY))).toList();
    }

    void drop(Claim claim) {
        mongo.remove(mine(claim.id(), claim.deliveryId()), COLLECTION);
    }

    void keep(Claim claim) {
        mongo.updateFirst(mine(claim.id(), claim.deliveryId()), new Update().set(CONFIRMED, true), COLLECTION);
    }

    /** The households served in a campaign (claimed, counted after merges). */
    public Set<String> servedHouseholds(String campaignId) {
        Set<String> served = new HashSet<>();
        Query claims = Query.query(Criteria.where(CAMPAIGN).is(campaignId));
        claims.fields().include("_id");
        mongo.find(claims, Document.class, COLLECTION).forEach(claim -> served.add(claim.getString("_id").substring(campaignId.length() + 1)));
        return served;
    }

    /** Households served in a campaign, by the part (target unit) of the list they were on. */
    public Map<String, Long> servedByUnit(String campaignId) {
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(Criteria.where(CAMPAIGN).is(campaignId)),
                        Aggregation.group(UNIT).count().as("n")), COLLECTION, Document.class)
                .forEach(row -> counts.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue()));
        return counts;
    }

    private static Query mine(String claimId, String deliveryId) {
        return Query.query(Criteria.where("_id").is(claimId).and(DELIVERY).is(deliveryId));
    }
}
