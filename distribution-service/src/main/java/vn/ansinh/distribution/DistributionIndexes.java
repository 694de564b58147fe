package vn.ansinh.distribution;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Every index distribution-service's queries rely on, created explicitly at start-up (Spring Data's
 * automatic creation is off): one per filter the service runs, so that on MongoDB no list, progress
 * screen or sweep scans a whole collection.
 */
@Component
class DistributionIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    DistributionIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // The lists (Entitlements), the claims (DeliveryClaims) and the household replica (HouseholdReplica)
        // create their own indexes: each is the one owner of its collection.
        // Campaigns by state: overlaps, the reservation deadline, the lists offices work from.
        mongo.indexOps("campaigns").createIndex(new Index().on("state", Direction.ASC).on("approvalRequestedAt", Direction.ASC)
                .named("state"));
        mongo.indexOps("campaigns").createIndex(new Index().on("officeUnitCode", Direction.ASC).named("office"));
        mongo.indexOps("campaigns").createIndex(new Index().on("targetUnitCodes", Direction.ASC).named("targets"));
        // A programme's rounds, in order.
        mongo.indexOps("campaigns").createIndex(new Index().on("programmeId", Direction.ASC).on("round", Direction.ASC)
                .named("programme_round"));
        // Deliveries of a campaign, by commune.
        mongo.indexOps("deliveries").createIndex(new Index().on("campaignId", Direction.ASC).on("unitCode", Direction.ASC)
                .named("campaign_unit"));
        mongo.indexOps("approved_needs").createIndex(new Index().on("kinds", Direction.ASC).named("kinds"));
        mongo.indexOps("list_merges").createIndex(new Index().on("campaignId", Direction.ASC).named("campaign"));
        // A delivery is verified once, whichever sample drew it (two approvers drawing at once cannot both take it);
        // a campaign's samples and sampled deliveries by commune.
        mongo.indexOps("verifications").createIndex(new Index().on("deliveryId", Direction.ASC).unique().named("delivery"));
        mongo.indexOps("verifications").createIndex(new Index().on("campaignId", Direction.ASC).on("unitCode", Direction.ASC)
                .named("campaign_unit"));
        mongo.indexOps("verification_samples").createIndex(new Index().on("campaignId", Direction.ASC).named("campaign"));
        // Sponsorships of an area, oldest first; a household's sponsorships.
        mongo.indexOps("sponsorships").createIndex(new Index().on("unitCode", Direction.ASC).on("startsOn", Direction.ASC)
                .named("unit_start"));
        mongo.indexOps("sponsorships").createIndex(new Index().on("householdId", Direction.ASC).named("household"));
        // Houses of an area, newest approval first; a household's houses.
        mongo.indexOps("houses").createIndex(new Index().on("unitCode", Direction.ASC).on("approvedOn", Direction.DESC)
                .named("unit_approved"));
        mongo.indexOps("houses").createIndex(new Index().on("householdId", Direction.ASC).named("household"));
        mongo.indexOps("houses").createIndex(new Index().on("twinningId", Direction.ASC).sparse().named("twinning"));
        // Twinnings of an area and of a village; what was given under a twinning, by day.
        mongo.indexOps("twinnings").createIndex(new Index().on("unitCode", Direction.ASC).on("since", Direction.ASC).named("unit_since"));
        mongo.indexOps("twinnings").createIndex(new Index().on("villageKey", Direction.ASC).named("village"));
        mongo.indexOps("twinning_contributions").createIndex(new Index().on("twinningId", Direction.ASC).on("on", Direction.ASC)
                .named("twinning_on"));
    }
}
