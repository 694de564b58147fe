package vn.ansinh.distribution.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A household on a campaign's list. Its id is the campaign and the household, so a household is on a
 * list once. Removed households stay, with the reason, so the list's history is complete.
 */
@Document("entitlements")
public class Entitlement extends OutboxDocument implements Audited {

    /** One edit of the list: who added or removed the household, when and why. */
    public record Change(String action, String reason, String by, Instant at) {
    }

    @Id
    private String id;
    private String campaignId;
    private String householdId;
    private String unitCode;
    /** The commune the household lived in when it was listed: reports count the list by it. */
    private String householdUnitCode;
    private boolean included;
    private List<Change> changes = new ArrayList<>();
    /** What the household receives, worked out when it was listed (absent on entries listed before shares: the default). */
    private Share share;

    protected Entitlement() {
    }

    Entitlement(String campaignId, String householdId, String unitCode, String householdUnitCode, Share share, Change first) {
        this(campaignId, householdId, unitCode, householdUnitCode, share, true, first);
    }

    /** An entry carried over from a round to the next: on the list, or off it with the reason it was taken off. */
    Entitlement(String campaignId, String householdId, String unitCode, String householdUnitCode, Share share, boolean included,
                Change first) {
        this.id = idOf(campaignId, householdId);
        this.campaignId = campaignId;
        this.householdId = householdId;
        this.unitCode = unitCode;
        this.householdUnitCode = householdUnitCode;
        this.share = share;
        this.included = included;
        this.changes.add(first);
        // Each generated entry carries its own audit record, in the same write as the entry.
        auditAs(included ? "list.household-listed" : "list.household-removed");
    }

    @Override
    public String auditType() {
        return "entitlement";
    }

    @Override
    public String auditUnit() {
        return householdUnitCode;
    }

    static String idOf(String campaignId, String householdId) {
        return campaignId + ":" + householdId;
    }

    public String getId() {
        return id;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getHouseholdUnitCode() {
        return householdUnitCode;
    }

    public boolean isIncluded() {
        return included;
    }

    public Share getShare() {
        return share;
    }

    public List<Change> getChanges() {
        return List.copyOf(changes);
    }
}
