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

/** Progress of a campaign and the households approved but not yet reached. */
@Service
public class CampaignReports {

    /** One document per household served in a campaign (id: campaign and household), written by deliveries. */
    public static final String CLAIMS = "delivery_claims";

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final AdminUnitDirectory units;

    CampaignReports(MongoTemplate mongo, CampaignService campaigns, AdminUnitDirectory units) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.units = units;
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

    /** Approved households of the unit (or all) that no delivery has reached yet. */
    public List<Entitlement> notYetReached(String campaignId, String unitCode) {
        campaigns.get(campaignId);
        Set<String> served = new HashSet<>();
        mongo.find(Query.query(Criteria.where("campaignId").is(campaignId)), Document.class, CLAIMS)
                .forEach(claim -> served.add(claim.getString("_id").substring(campaignId.length() + 1)));
        Criteria criteria = Criteria.where("campaignId").is(campaignId).and("included").is(true);
        if (unitCode != null) {
            criteria = criteria.and("unitCode").is(unitCode);
        }
        // A household merged into another is reached when the one it was merged into is.
        Map<String, String> mergedInto = new HashMap<>();
        Query merged = Query.query(Criteria.where("mergedInto").exists(true));
        merged.fields().include("_id", "mergedInto");
        mongo.find(merged, Document.class, HouseholdReplicaProjection.COLLECTION)
                .forEach(household -> mergedInto.put(household.getString("_id"), household.getString("mergedInto")));
        return mongo.find(Query.query(criteria).with(Sort.by("unitCode", "_id")), Entitlement.class).stream()
                .filter(entitlement -> !served.contains(entitlement.getHouseholdId())
                        && !served.contains(mergedInto.getOrDefault(entitlement.getHouseholdId(), entitlement.getHouseholdId())))
                .toList();
    }

    private Map<String, Long> countByUnit(Aggregation aggregation, String collection) {
        Map<String, Long> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, collection, Document.class)) {
            counts.put(String.valueOf(row.get("_id")), ((Number) row.get("n")).longValue());
        }
        return counts;
    }
}
