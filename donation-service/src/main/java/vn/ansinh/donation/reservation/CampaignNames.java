package vn.ansinh.donation.reservation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import vn.ansinh.events.distribution.CampaignApproved;

/**
 * The names of approved campaigns, from {@code campaign.approved}: a gift's trace says "Quà Tết 2024",
 * not an id. Kept once per campaign; a redelivered event writes the same name again.
 */
@Component
public class CampaignNames {

    static final String COLLECTION = "campaign_names";

    /** A campaign as a trace names it. */
    public record Named(String campaignId, String name, String officeUnitCode) {
    }

    private final MongoTemplate mongo;

    CampaignNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void remember(CampaignApproved approved) {
        mongo.upsert(Query.query(Criteria.where("_id").is(approved.campaignId())), new Update().set("name", approved.name())
                .set("officeUnitCode", approved.officeUnitCode()), COLLECTION);
    }

    /** The names known of these campaigns (a campaign approved before names were kept is absent). */
    public Map<String, Named> of(Collection<String> campaignIds) {
        Map<String, Named> names = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(campaignIds)), Document.class, COLLECTION).forEach(found -> names.put(
                found.getString("_id"), new Named(found.getString("_id"), found.getString("name"), found.getString("officeUnitCode"))));
        return names;
    }
}
