package vn.ansinh.distribution.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.HouseholdReplicaProjection;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.security.OfficeScope;

/** Progress of a campaign and the households approved but not yet reached. */
@Service
public class CampaignReports {

    /** One document per household served in a campaign (id: campaign and household), written by deliveries. */
    public static final String CLAIMS = "delivery_claims";

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final AdminUnitDirectory units;
    private final OfficeScope scope;

    CampaignReports(MongoTemplate mongo, CampaignService campaigns, AdminUnitDirectory units, OfficeScope scope) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.units = units;
        this.scope = scope;
    }

    /**
     * Counts households, not list entries: two entries of one family merged by the registry count once,
     * delivered or pending. approved = delivered + pending.
     */
    public CampaignProgress progress(String campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<String, Long> delivered = countByUnit(Aggregation.newAggregation(
                Aggregation.match(Criteria.where("campaignId").is(campaignId)),
                Aggregation.group("unitCode").count().as("n")), CLAIMS);
        Map<String, Long> pending = new HashMap<>();
        notYetReached(campaignId, null).forEach(entitlement -> pending.merge(entitlement.getUnitCode(), 1L, Long::sum));
        List<CampaignProgress.UnitProgress> byUnit = new ArrayList<>();
        for (String unit : campaign.getTargetUnitCodes()) {
            long d = delivered.getOrDefault(unit, 0L);
            long p = pending.getOrDefault(unit, 0L);
            byUnit.add(new CampaignProgress.UnitProgress(unit, units.find(unit).map(AdminUnitDirectory.Unit::name).orElse(unit),
                    d + p, d, p, CampaignProgress.percent(d, d + p)));
        }
        long d = byUnit.stream().mapToLong(CampaignProgress.UnitProgress::delivered).sum();
        long p = byUnit.stream().mapToLong(CampaignProgress.UnitProgress::pending).sum();
        return new CampaignProgress(campaignId, campaign.getState(), d + p, d, p, CampaignProgress.percent(d, d + p), byUnit);
    }

    /**
     * Approved households that no delivery has reached yet, in the requested unit or, by default, in the
     * caller's area: a commune taking part in a district's campaign sees its own part only.
     */
    public List<Entitlement> notYetReached(String campaignId, String unitCode) {
        campaigns.get(campaignId);
        Criteria area = scope.listArea("unitCode", unitCode);
        Set<String> served = servedHouseholds(campaignId);
        Criteria criteria = Criteria.where("campaignId").is(campaignId).and("included").is(true);
        if (!area.getCriteriaObject().isEmpty()) {
            criteria = new Criteria().andOperator(criteria, area);
        }
        // A household merged into another is reached when the one it was merged into is.
        Map<String, String> mergedInto = mergedHouseholds();
        return mongo.find(Query.query(criteria).with(Sort.by("unitCode", "_id")), Entitlement.class).stream()
                .filter(entitlement -> !served.contains(entitlement.getHouseholdId())
                        && !served.contains(mergedInto.getOrDefault(entitlement.getHouseholdId(), entitlement.getHouseholdId())))
                .toList();
    }

    /** Which households of a list to show: on it (the default), taken off it, all, or on it and not yet / already reached. */
    public enum EntitlementState {
        INCLUDED, REMOVED, ALL, PENDING, DELIVERED
    }

    /** A household on a campaign's list, with whether a delivery reached it. */
    public record EntitlementView(String id, String campaignId, String householdId, String unitCode, String householdUnitCode,
                                  boolean included, boolean delivered, List<Entitlement.Change> changes) {
    }

    /**
     * A campaign's list in the requested unit or, by default, the caller's area — a commune sees its own
     * part only —, ordered by part and household, paged.
     */
    public vn.ansinh.platform.web.PageResponse<EntitlementView> entitlements(String campaignId, String unitCode,
                                                                             EntitlementState state, int page, int size) {
        campaigns.get(campaignId);
        Criteria area = scope.listArea("unitCode", unitCode);
        Criteria criteria = Criteria.where("campaignId").is(campaignId);
        if (state == EntitlementState.REMOVED) {
            criteria = criteria.and("included").is(false);
        } else if (state != EntitlementState.ALL) {
            criteria = criteria.and("included").is(true);
        }
        if (!area.getCriteriaObject().isEmpty()) {
            criteria = new Criteria().andOperator(criteria, area);
        }
        Set<String> served = servedHouseholds(campaignId);
        Map<String, String> mergedInto = mergedHouseholds();
        java.util.function.Predicate<Entitlement> reached = entitlement -> served.contains(entitlement.getHouseholdId())
                || served.contains(mergedInto.getOrDefault(entitlement.getHouseholdId(), entitlement.getHouseholdId()));
        Query query = Query.query(criteria).with(Sort.by("unitCode", "_id"));
        java.util.function.Function<Entitlement, EntitlementView> view = e -> new EntitlementView(e.getId(), e.getCampaignId(),
                e.getHouseholdId(), e.getUnitCode(), e.getHouseholdUnitCode(), e.isIncluded(), e.isIncluded() && reached.test(e),
                e.getChanges());
        if (state == EntitlementState.PENDING || state == EntitlementState.DELIVERED) {
            // Whether a household was reached lives in the claims: filter the part, then cut the page.
            boolean wantReached = state == EntitlementState.DELIVERED;
            List<Entitlement> matching = mongo.find(query, Entitlement.class).stream()
                    .filter(e -> reached.test(e) == wantReached).toList();
            int fromIndex = (int) Math.min((long) page * size, matching.size());
            return vn.ansinh.platform.web.PageResponse.of(matching.subList(fromIndex, Math.min(fromIndex + size, matching.size())),
                    matching.size(), page, size, view);
        }
        long total = mongo.count(Query.query(criteria), Entitlement.class);
        return vn.ansinh.platform.web.PageResponse.of(mongo.find(query.skip((long) page * size).limit(size), Entitlement.class),
                total, page, size, view);
    }

    /**
     * Campaigns an office runs or takes part in: run by an office of the unit's area, or with a target in
     * it (a commune sees its district's campaigns for it); default the caller's office; newest first.
     */
    public vn.ansinh.platform.web.PageResponse<Campaign> campaigns(String unitCode, CampaignState state, int page, int size) {
        String unit = unitCode == null ? vn.ansinh.platform.security.CallerOffice.current().officeCode() : unitCode;
        scope.requireCovers(unit);
        Criteria criteria = state == null ? new Criteria() : Criteria.where("state").is(state);
        if (!AdminUnitDirectory.NATIONAL.equals(unit)) {
            Set<String> area = units.selfAndDescendants(unit);
            Criteria inArea = new Criteria().orOperator(Criteria.where("officeUnitCode").in(area), Criteria.where("targetUnitCodes").in(area));
            criteria = criteria.getCriteriaObject().isEmpty() ? inArea : new Criteria().andOperator(criteria, inArea);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Campaign.class);
        List<Campaign> found = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .skip((long) page * size).limit(size), Campaign.class);
        return vn.ansinh.platform.web.PageResponse.of(found, total, page, size, c -> c);
    }

    private Set<String> servedHouseholds(String campaignId) {
        Set<String> served = new HashSet<>();
        Query claims = Query.query(Criteria.where("campaignId").is(campaignId));
        claims.fields().include("_id");
        mongo.find(claims, Document.class, CLAIMS).forEach(claim -> served.add(claim.getString("_id").substring(campaignId.length() + 1)));
        return served;
    }

    private Map<String, String> mergedHouseholds() {
        Map<String, String> mergedInto = new HashMap<>();
        Query merged = Query.query(Criteria.where("mergedInto").exists(true));
        merged.fields().include("_id", "mergedInto");
        mongo.find(merged, Document.class, HouseholdReplicaProjection.COLLECTION)
                .forEach(household -> mergedInto.put(household.getString("_id"), household.getString("mergedInto")));
        return mergedInto;
    }

    private Map<String, Long> countByUnit(Aggregation aggregation, String collection) {
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, collection, Document.class)) {
            counts.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue());
        }
        return counts;
    }
}
