package vn.ansinh.distribution.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.campaign.Campaign;
import vn.ansinh.distribution.campaign.CampaignService;
import vn.ansinh.distribution.campaign.Entitlement;
import vn.ansinh.distribution.campaign.Entitlements;
import vn.ansinh.distribution.delivery.DeliveryClaims;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;

/**
 * How far a campaign has come: progress by commune, the approved households not reached yet, and the
 * list as it stands with who was reached. Reads the campaign's list and the delivery claims, which is
 * why it lives above both packages.
 */
@Service
class CampaignProgressService {

    private final CampaignService campaigns;
    private final Entitlements entitlements;
    private final AdminUnitDirectory units;
    private final DeliveryClaims claims;
    private final HouseholdReplica replica;

    CampaignProgressService(CampaignService campaigns, Entitlements entitlements, AdminUnitDirectory units,
                            DeliveryClaims claims, HouseholdReplica replica) {
        this.campaigns = campaigns;
        this.entitlements = entitlements;
        this.units = units;
        this.claims = claims;
        this.replica = replica;
    }

    /**
     * Counts households, not list entries: two entries of one family merged by the registry count once,
     * delivered or pending. approved = delivered + pending.
     */
    public CampaignProgress progress(String campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<String, Long> delivered = claims.servedByUnit(campaignId);
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
        Query onList = entitlements.inArea(campaignId, unitCode, true);
        Set<String> served = servedHouseholds(campaignId);
        // A household merged into another is reached when the one it was merged into is.
        Map<String, String> mergedInto = mergedHouseholds();
        return entitlements.find(onList).stream()
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
        Query query = entitlements.inArea(campaignId, unitCode,
                state == EntitlementState.ALL ? null : state != EntitlementState.REMOVED);
        Set<String> served = servedHouseholds(campaignId);
        Map<String, String> mergedInto = mergedHouseholds();
        java.util.function.Predicate<Entitlement> reached = entitlement -> served.contains(entitlement.getHouseholdId())
                || served.contains(mergedInto.getOrDefault(entitlement.getHouseholdId(), entitlement.getHouseholdId()));
        java.util.function.Function<Entitlement, EntitlementView> view = e -> new EntitlementView(e.getId(), e.getCampaignId(),
                e.getHouseholdId(), e.getUnitCode(), e.getHouseholdUnitCode(), e.isIncluded(), e.isIncluded() && reached.test(e),
                e.getChanges());
        if (state == EntitlementState.PENDING || state == EntitlementState.DELIVERED) {
            // Whether a household was reached lives in the claims: filter the part, then cut the page.
            boolean wantReached = state == EntitlementState.DELIVERED;
            List<Entitlement> matching = entitlements.find(query).stream()
                    .filter(e -> reached.test(e) == wantReached).toList();
            int fromIndex = (int) Math.min((long) page * size, matching.size());
            return vn.ansinh.platform.web.PageResponse.of(matching.subList(fromIndex, Math.min(fromIndex + size, matching.size())),
                    matching.size(), page, size, view);
        }
        long total = entitlements.count(query);
        return vn.ansinh.platform.web.PageResponse.of(entitlements.find(query.skip((long) page * size).limit(size)),
                total, page, size, view);
    }

    private Set<String> servedHouseholds(String campaignId) {
        return claims.servedHouseholds(campaignId);
    }

    private Map<String, String> mergedHouseholds() {
        return replica.mergedInto();
    }

}
