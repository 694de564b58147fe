package vn.ansinh.distribution;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
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
        // A campaign's list, its parts and their counts; the households' other entries (merges, overlaps).
        mongo.indexOps("entitlements").createIndex(new Index().on("campaignId", Direction.ASC).on("unitCode", Direction.ASC)
                .on("included", Direction.ASC).named("campaign_part"));
        mongo.indexOps("entitlements").createIndex(new Index().on("campaignId", Direction.ASC).on("householdUnitCode", Direction.ASC)
                .named("campaign_commune"));
        mongo.indexOps("entitlements").createIndex(new Index().on("householdId", Direction.ASC).on("included", Direction.ASC)
                .named("household"));
        // Campaigns by state: overlaps, the reservation deadline, the lists offices work from.
        mongo.indexOps("campaigns").createIndex(new Index().on("state", Direction.ASC).on("approvalRequestedAt", Direction.ASC)
                .named("state"));
        mongo.indexOps("campaigns").createIndex(new Index().on("officeUnitCode", Direction.ASC).named("office"));
        mongo.indexOps("campaigns").createIndex(new Index().on("targetUnitCodes", Direction.ASC).named("targets"));
        // Deliveries of a campaign, by commune.
        mongo.indexOps("deliveries").createIndex(new Index().on("campaignId", Direction.ASC).on("unitCode", Direction.ASC)
                .named("campaign_unit"));
        // Claims: a campaign's served households; the sweep reads only the unconfirmed ones.
        mongo.indexOps("delivery_claims").createIndex(new Index().on("campaignId", Direction.ASC).on("unitCode", Direction.ASC)
                .named("campaign_unit"));
        mongo.indexOps("delivery_claims").createIndex(new Index().on("confirmed", Direction.ASC).on("at", Direction.ASC)
                .partial(PartialIndexFilter.of(Criteria.where("confirmed").is(false))).named("unconfirmed"));
        // The household replica: list generation by unit, merged families.
        // The household replica's own indexes are its owner's (HouseholdReplica.createIndexes).
        mongo.indexOps("approved_needs").createIndex(new Index().on("kinds", Direction.ASC).named("kinds"));
        mongo.indexOps("list_merges").createIndex(new Index().on("campaignId", Direction.ASC).named("campaign"));
    }
}
