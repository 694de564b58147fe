package vn.ansinh.reporting.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;


/**
 * A campaign's state as the events tell it, whatever order they came in: approved and waiting for
 * its reservation, active once donation-service reserved everything, rejected (by donation-service,
 * or by distribution when no answer came in time), closed.
 */
@Component
public class CampaignStates {

    public enum State { APPROVING, ACTIVE, REJECTED, CLOSED }

    /** The read models a campaign's state is told from. */
    public static final List<String> COLLECTIONS = List.of(CampaignView.COLLECTION, ReservationAnswerView.COLLECTION,
            ListMergeView.COLLECTION);

    private final MongoTemplate mongo;

    public CampaignStates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static State stateOf(Document campaign, Document answer) {
        boolean confirmed = answer != null && Boolean.TRUE.equals(answer.getBoolean(ReservationAnswerView.CONFIRMED));
        boolean rejected = answer != null && Boolean.FALSE.equals(answer.getBoolean(ReservationAnswerView.CONFIRMED));
        if (rejected || (!confirmed && "reservation-timeout".equals(campaign.getString(CampaignView.CLOSE_REASON)))) {
            return State.REJECTED;
        }
        if (campaign.get(CampaignView.CLOSED_AT) != null) {
            return State.CLOSED;
        }
        return confirmed ? State.ACTIVE : State.APPROVING;
    }

    /** Whether the campaign's list counts as approved aid: its money and goods were reserved. */
    public static boolean listStands(State state) {
        return state == State.ACTIVE || state == State.CLOSED;
    }

    /** Approved campaigns with a household in the area (every one for the whole country), each with its state. */
    public List<Document> touching(Set<String> area, boolean national) {
        return approved(national ? new Query() : Query.query(Criteria.where(CampaignView.APPROVED + "." + CampaignView.LINE_UNIT_CODE).in(area)));
    }

    /** One approved campaign with its state, or null. */
    public Document approvedCampaign(String campaignId) {
        List<Document> found = approved(Query.query(Criteria.where("_id").is(campaignId)));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The approved rounds of a programme (a first round approved before rounds existed is found by its own id). */
    public List<Document> programme(String programmeId) {
        return approved(Query.query(new Criteria().orOperator(Criteria.where(CampaignView.PROGRAMME_ID).is(programmeId),
                Criteria.where("_id").is(programmeId))));
    }

    /** Campaigns with their state and their lists as they stand: merged duplicates counted once. */
    private List<Document> approved(Query query) {
        List<Document> found = mongo.find(query, Document.class, CampaignView.COLLECTION).stream()
                .filter(campaign -> campaign.get(CampaignView.APPROVED) != null).toList();
        List<String> ids = found.stream().map(c -> c.getString("_id")).toList();
        Map<String, Document> answers = byId(ids, ReservationAnswerView.COLLECTION);
        found.forEach(campaign -> campaign.put(CampaignView.STATE, stateOf(campaign, answers.get(campaign.getString("_id"))).name()));
        withoutMergedDuplicates(found, ids);
        return found;
    }

    /** One approved entry less in a commune for each duplicate merged away from the list after approval. */
    private void withoutMergedDuplicates(List<Document> campaigns, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Map<String, Long>> merged = new HashMap<>();
        mongo.find(Query.query(Criteria.where(ListMergeView.CAMPAIGN_ID).in(ids)), Document.class, ListMergeView.COLLECTION)
                .forEach(merge -> merged.computeIfAbsent(merge.getString(ListMergeView.CAMPAIGN_ID), c -> new HashMap<>())
                        .merge(merge.getString(ListMergeView.UNIT_CODE), 1L, Long::sum));
        for (Document campaign : campaigns) {
            Map<String, Long> gone = merged.getOrDefault(campaign.getString("_id"), Map.of());
            long total = 0;
            for (Document line : campaign.getList(CampaignView.APPROVED, Document.class)) {
                long households = Math.max(0, ((Number) line.get(CampaignView.LINE_HOUSEHOLDS)).longValue()
                        - gone.getOrDefault(line.getString(CampaignView.LINE_UNIT_CODE), 0L));
                line.put(CampaignView.LINE_HOUSEHOLDS, households);
                total += households;
            }
            campaign.put(CampaignView.APPROVED_HOUSEHOLDS, total);
        }
    }

    /** Households on standing approved lists, by commune, inside the area. */
    public Map<String, Long> approvedByCommune(Set<String> area, boolean national) {
        Map<String, Long> byCommune = new HashMap<>();
        for (Document campaign : touching(area, national)) {
            if (listStands(State.valueOf(campaign.getString(CampaignView.STATE)))) {
                for (Document line : campaign.getList(CampaignView.APPROVED, Document.class)) {
                    String commune = line.getString(CampaignView.LINE_UNIT_CODE);
                    if (national || area.contains(commune)) {
                        byCommune.merge(commune, ((Number) line.get(CampaignView.LINE_HOUSEHOLDS)).longValue(), Long::sum);
                    }
                }
            }
        }
        return byCommune;
    }

    private Map<String, Document> byId(List<String> ids, String collection) {
        Map<String, Document> documents = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)
                    .forEach(document -> documents.put(document.getString("_id"), document));
        }
        return documents;
    }
}
