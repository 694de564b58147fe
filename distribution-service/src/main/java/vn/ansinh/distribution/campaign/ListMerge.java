package vn.ansinh.distribution.campaign;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.CampaignListMerged;
import vn.ansinh.platform.events.OutboxDocument;

/** A duplicate merged away from an approved list, kept with its event so that reports learn of it once. */
@Document("list_merges")
class ListMerge extends OutboxDocument {

    @Id
    private String id;
    private String campaignId;
    private String householdId;
    private String keptHouseholdId;
    private String unitCode;
    private Instant at;

    protected ListMerge() {
    }

    ListMerge(String campaignId, String householdId, String keptHouseholdId, String unitCode, Instant at) {
        this.id = campaignId + ":" + householdId;
        this.campaignId = campaignId;
        this.householdId = householdId;
        this.keptHouseholdId = keptHouseholdId;
        this.unitCode = unitCode;
        this.at = at;
        // Told under the campaign's id: reports apply it in order with the campaign's approval.
        raise(Events.CAMPAIGN_LIST_MERGED, campaignId, 0, new CampaignListMerged(campaignId, householdId, keptHouseholdId, unitCode));
    }

    public String getId() {
        return id;
    }
}
