package vn.ansinh.distribution.campaign;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Drafting a campaign's list: generated from distribution's replica of the registry (eligible active
 * households of the targets, less those on an overlapping campaign's list), then edited by each
 * commune with a reason while its part is open.
 */
@Service
class CampaignLists {

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final Clock clock;
    private final HouseholdReplica replica;
    private final Entitlements entitlements;

    CampaignLists(MongoTemplate mongo, CampaignService campaigns, OfficeScope scope, AdminUnitDirectory units, Clock clock,
                  HouseholdReplica replica, Entitlements entitlements) {
        this.entitlements = entitlements;
        this.replica = replica;
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.scope = scope;
        this.units = units;
        this.clock = clock;
    }

    /**
     * What generating the list did.
     *
     * @param nothingToReceive eligible households the benefit gives nothing (paid per person of a kind none of them is)
     */
    public record Generated(long added, long alreadyServedElsewhere, long nothingToReceive) {
    }

    /**
     * Puts every eligible active household of the target units on the list; households already on it
     * keep their edits. Households on the list of an overlapping campaign giving the same kind of
     * benefit are left out, unless this campaign allows it.
     */
    public Generated generate(String id) {
        Campaign campaign = campaigns.manageable(id);
        CampaignService.requireDraft(campaign);
        Set<String> area = new HashSet<>();
        campaign.getTargetUnitCodes().forEach(target -> area.addAll(units.selfAndDescendants(target)));
        List<String> withNeeds = null;
        if (!campaign.getEligibleNeeds().isEmpty()) {
            Query needs = Query.query(Criteria.where("kinds").in(campaign.getEligibleNeeds()));
            needs.fields().include("householdId");
            withNeeds = mongo.find(needs, Document.class, ApprovedNeeds.COLLECTION).stream()
                    .map(need -> need.getString("householdId")).distinct().toList();
        }
        Entitlement.Change generated = new Entitlement.Change("GENERATED", null, CallerOffice.current().clientId(), clock.instant());
        Set<String> servedElsewhere = campaign.isAllowOverlap() ? Set.of() : onOverlappingLists(campaign);
        List<HouseholdReplica.Household> eligibleHouseholds = replica.eligible(area, campaign.getEligibleCategories(),
                campaign.getEligiblePovertyStatuses(), withNeeds);
        List<Entitlement> list = new java.util.ArrayList<>();
        long nothingToReceive = 0;
        for (HouseholdReplica.Household household : eligibleHouseholds) {
            if (servedElsewhere.contains(household.id())) {
                continue;
            }
            Share share = campaign.shareOf(household.categories(), household.memberCount(), household.memberKinds());
            if (share.isEmpty()) {
                nothingToReceive++;
                continue;
            }
            list.add(new Entitlement(id, household.id(), targetOf(campaign, household.unitCode()), household.unitCode(), share,
                    generated));
        }
        long added = entitlements.insertNew(list);
        return new Generated(added, eligibleHouseholds.size() - list.size() - nothingToReceive, nothingToReceive);
    }

    /**
     * Households on the lists of campaigns that overlap this one and went ahead (approved, running or
     * done), other than the rounds of its own programme: a round pays its predecessor's list again.
     */
    private Set<String> onOverlappingLists(Campaign campaign) {
        List<String> overlapping = mongo.find(Query.query(Criteria.where("state").in(CampaignState.APPROVING,
                        CampaignState.ACTIVE, CampaignState.CLOSED)), Campaign.class).stream()
                .filter(other -> !campaign.sameProgrammeAs(other) && campaign.overlaps(other))
                .map(Campaign::getId).toList();
        if (overlapping.isEmpty()) {
            return Set.of();
        }
        return entitlements.householdsOn(overlapping);
    }

    /** The target unit a household's commune belongs to: the part of the list it is in. */
    String targetOf(Campaign campaign, String unitCode) {
        return campaign.getTargetUnitCodes().stream().filter(target -> units.isWithin(unitCode, target)).findFirst()
                .orElse(unitCode);
    }

    /** Adds a household to, or takes it off, a part of the list that is still open, with the reason. */
    public Entitlement edit(String id, String householdId, boolean include, String reason) {
        Campaign campaign = campaigns.get(id);
        CampaignService.requireDraft(campaign);
        HouseholdReplica.Household household = replica.find(householdId).filter(HouseholdReplica.Household::active)
                .orElseThrow(() -> Refusal.notFound("household", householdId));
        String part = targetOf(campaign, household.unitCode());
        if (!campaign.getTargetUnitCodes().contains(part)) {
            throw Refusal.unprocessable("household-outside-campaign", householdId);
        }
        scope.requireCovers(household.unitCode());
        if (!campaign.isPartOpen(part)) {
            throw Refusal.conflict("part-already-submitted", part);
        }
        Share share = campaign.shareOf(household.categories(), household.memberCount(), household.memberKinds());
        if (include && share.isEmpty()) {
            throw Refusal.unprocessable("nothing-to-receive", householdId);
        }
        Entitlement.Change change = new Entitlement.Change(include ? "ADDED" : "REMOVED", reason,
                CallerOffice.current().clientId(), clock.instant());
        return entitlements.edit(id, householdId, part, household.unitCode(), include, share, change);
    }

}
