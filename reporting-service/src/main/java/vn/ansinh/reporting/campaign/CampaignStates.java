package vn.ansinh.reporting.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import vn.ansinh.reporting.projection.ReadModels;

/**
 * A campaign's state as the events tell it, whatever order they came in: approved and waiting for
 * its reservation, active once donation-service reserved everything, rejected (by donation-service,
 * or by distribution when no answer came in time), closed.
 */
@Component
public class CampaignStates {

    public enum State { APPROVING, ACTIVE, REJECTED, CLOSED }

    private final MongoTemplate mongo;

    public CampaignStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static State stateOf(Document campaign, Document answer) {
        boolean confirmed = answer != null && Boolean.TRUE.equals(answer.getBoolean("confirmed"));
        boolean rejected = answer != null && Boolean.FALSE.equals(answer.getBoolean("confirmed"));
        if (rejected || (!confirmed && "reservation-timeout".equals(campaign.getString("closeReason")))) {
            return State.REJECTED;
        }
        if (campaign.get("closedAt") != null) {
            return State.CLOSED;
        }
        return confirmed ? State.ACTIVE : State.APPROVING;
    }

    /** Whether the campaign's list counts as approved aid: its money and goods were reserved. */
    public static boolean listStands(State state) {
        return state == State.ACTIVE || state == State.CLOSED;
    }

    /** Approved campaigns with a household in the area (every one for the whole country), each with its answer. */
    public List<Document> touching(Set<String> area, boolean national) {
        Query query = national ? new Query() : Query.query(Criteria.where("approved.unitCode").in(area));
        List<Document> found = mongo.find(query, Document.class, ReadModels.CAMPAIGNS);
        Map<String, Document> answers = answers(found.stream().map(c -> c.getString("_id")).toList());
        found.forEach(campaign -> campaign.put("state", stateOf(campaign, answers.get(campaign.getString("_id"))).name()));
        return found.stream().filter(campaign -> campaign.get("approved") != null).toList();
    }

    /** Households on standing approved lists, by commune, inside the area. */
    public Map<String, Long> approvedByCommune(Set<String> area, boolean national) {
        Map<String, Long> byCommune = new HashMap<>();
        for (Document campaign : touching(area, national)) {
            if (listStands(State.valueOf(campaign.getString("state")))) {
                for (Document line : campaign.getList("approved", Document.class)) {
                    String commune = line.getString("unitCode");
                    if (national || area.contains(commune)) {
                        byCommune.merge(commune, ((Number) line.get("households")).longValue(), Long::sum);
                    }
                }
            }
        }
        return byCommune;
    }

    private Map<String, Document> answers(List<String> campaignIds) {
        Map<String, Document> answers = new HashMap<>();
        if (!campaignIds.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(campaignIds)), Document.class, ReadModels.RESERVATION_ANSWERS)
                    .forEach(answer -> answers.put(answer.getString("_id"), answer));
        }
        return answers;
    }
}
