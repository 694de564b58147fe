package vn.ansinh.distribution.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.campaign.Campaign;
import vn.ansinh.distribution.campaign.CampaignService;
import vn.ansinh.distribution.campaign.CampaignState;
import vn.ansinh.distribution.campaign.Entitlement;
import vn.ansinh.distribution.campaign.Entitlements;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Records handovers so that nobody is served twice in a campaign: a delivery first claims the
 * household (a document whose id is the campaign and the household the delivery counts for, after
 * any merge of duplicates — a second claim fails on its id), then is saved with its event, which makes
 * donation-service spend the household's share. A claim whose delivery a crash kept from being saved
 * is released by a sweep, so nobody stays "served" without a delivery.
 */
@Service
public class DeliveryService {

    private static final Duration ORPHAN_AFTER = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final DeliveryClaims claims;
    private final HouseholdReplica replica;
    private final Entitlements entitlements;

    DeliveryService(MongoTemplate mongo, CampaignService campaigns, OfficeScope scope, OutboxDocuments outbox,
                    Clock clock, DeliveryClaims claims, HouseholdReplica replica, Entitlements entitlements) {
        this.entitlements = entitlements;
        this.claims = claims;
        this.replica = replica;
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Recorded(Delivery delivery, boolean isNew) {
    }

    public Recorded record(RecordDeliveryRequest request) {
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        Delivery existing = mongo.findById(id, Delivery.class);
        if (existing != null) {
            // Only the office that recorded it (or one above) learns that the id is taken.
            scope.requireCovers(existing.getUnitCode());
            if (!existing.getEntitlementId().equals(request.entitlementId())) {
                throw Refusal.conflict("delivery-id-reused", id);
            }
            return new Recorded(existing, false); // the device sent it again
        }
        Entitlement entitlement = entitlements.find(request.entitlementId()).orElse(null);
        if (entitlement == null || !entitlement.isIncluded()) {
            throw Refusal.notFound("entitlement", request.entitlementId());
        }
        scope.requireCovers(entitlement.getUnitCode());
        Campaign campaign = campaigns.get(entitlement.getCampaignId());
        if (campaign.getState() != CampaignState.ACTIVE) {
            throw Refusal.conflict("campaign.wrong-state", campaign.getState());
        }
        CountedHousehold countedHousehold = countedHousehold(entitlement.getHouseholdId());
        String counted = countedHousehold.id();
        requireNoMergedHouseholdServed(campaign.getId(), countedHousehold, entitlement.getHouseholdId());
        if (!claims.claim(campaign.getId(), counted, id, entitlement.getUnitCode(), clock.instant())) {
            throw Refusal.conflict("already-delivered", entitlement.getHouseholdId());
        }
        try {
            campaigns.countDelivery(campaign.getId());
        } catch (RuntimeException closedMeanwhile) {
            claims.release(campaign.getId(), counted, id);
            throw closedMeanwhile;
        }
        Delivery delivery = new Delivery(id, campaign.getId(), entitlement.getId(), entitlement.getHouseholdId(), counted,
                entitlement.getUnitCode(), request.deliveredAt(), request.deliveredBy(), request.proof(),
                CallerOffice.current().clientId(), clock.instant(), countedHousehold.unitCode(), campaign.benefitOf(shareOf(campaign, entitlement)),
                shareOf(campaign, entitlement).persons());
        Delivery saved = outbox.insert(delivery);
        claims.confirm(campaign.getId(), counted, id);
        return new Recorded(saved, true);
    }

    /**
     * A family entered twice and merged after one of its entries was served has been served: the claim
     * of the entry that was merged away still stands under that entry's id, so look for it (the replica
     * keeps, on each kept household, the entries merged into it).
     */
    private void requireNoMergedHouseholdServed(String campaignId, CountedHousehold counted, String householdId) {
        // The household counted for was read already: its own merged entries need no second read, and a family
        // nobody merged (the usual case) costs nothing more.
        Set<String> family = new HashSet<>(counted.mergedFrom());
        List<String> toVisit = new java.util.ArrayList<>(counted.mergedFrom());
        for (int depth = 1; depth < 5 && !toVisit.isEmpty(); depth++) {
            List<String> next = new java.util.ArrayList<>();
            for (HouseholdReplica.Household household : replica.findAll(toVisit)) {
                household.mergedFrom().stream().filter(family::add).forEach(next::add);
            }
            toVisit = next;
        }
        family.remove(counted.id());
        if (claims.anyServed(campaignId, family)) {
            throw Refusal.conflict("already-delivered", householdId);
        }
    }

    /** A delivery in the caller's area (anything else is reported as absent). */
    public Delivery get(String id) {
        Delivery delivery = mongo.findById(id, Delivery.class);
        if (delivery == null || !scope.canRead(CallerOffice.current(), delivery.getUnitCode())) {
            throw Refusal.notFound("delivery", id);
        }
        return delivery;
    }

    /** A delivery as other parts of the service need it (verification draws samples of them). */
    public record Handover(String id, String campaignId, String householdId, String unitCode, java.time.Instant deliveredAt) {
        static Handover of(Delivery delivery) {
            return new Handover(delivery.getId(), delivery.getCampaignId(), delivery.getHouseholdId(), delivery.getUnitCode(),
                    delivery.getDeliveredAt());
        }
    }

    /** Every delivery of the campaign that stands (not reverted), in one query, only the fields a sample needs. */
    public List<Handover> standing(String campaignId) {
        Query query = Query.query(Criteria.where("campaignId").is(campaignId).and("revertedAt").is(null));
        query.fields().include("campaignId", "householdId", "unitCode", "deliveredAt");
        return mongo.find(query, Delivery.class).stream().map(Handover::of).toList();
    }

    /** A campaign's deliveries in the requested unit or, by default, the caller's area; newest first. */
    public org.springframework.data.domain.Page<Delivery> ofCampaign(String campaignId, String unitCode, int page, int size) {
        campaigns.get(campaignId);
        Criteria area = scope.listArea("unitCode", unitCode);
        Criteria criteria = Criteria.where("campaignId").is(campaignId);
        if (!area.getCriteriaObject().isEmpty()) {
            criteria = new Criteria().andOperator(criteria, area);
        }
        org.springframework.data.domain.PageRequest pageable = org.springframework.data.domain.PageRequest.of(page, size,
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "recordedAt"));
        Query query = Query.query(criteria);
        long total = mongo.count(query, Delivery.class);
        return new org.springframework.data.domain.PageImpl<>(mongo.find(query.with(pageable), Delivery.class), pageable, total);
    }

    /**
     * Reverts a delivery recorded by mistake, with the reason: its share goes back into the campaign's
     * reservation and the household can be served again. Only while the campaign is active.
     */
    public Delivery revert(String id, String reason) {
        Delivery delivery = mongo.findById(id, Delivery.class);
        if (delivery == null || !scope.covers(CallerOffice.current(), delivery.getUnitCode())) {
            throw Refusal.notFound("delivery", id);
        }
        Campaign campaign = campaigns.get(delivery.getCampaignId());
        if (campaign.getState() != CampaignState.ACTIVE) {
            throw Refusal.conflict("campaign.wrong-state", campaign.getState());
        }
        // A crash between the revert and the claim's release leaves an unconfirmed claim for the sweep to look at.
        claims.unconfirm(campaign.getId(), delivery.getCountedHouseholdId(), id);
        Entitlement entitlement = entitlements.find(delivery.getEntitlementId()).orElse(null);
        delivery.revert(CallerOffice.current().clientId(), reason, clock.instant(),
                campaign.benefitOf(entitlement == null ? campaign.defaultShare() : shareOf(campaign, entitlement)));
        Delivery saved;
        try {
            saved = outbox.save(delivery);
        } catch (Refusal revertedMeanwhile) {
            throw Refusal.conflict("delivery.reverted", id);
        }
        campaigns.countRevert(campaign.getId());
        claims.release(campaign.getId(), delivery.getCountedHouseholdId(), id);
        return saved;
    }

    /** What the entry receives: its own share, or the campaign's default for entries listed before shares. */
    private static vn.ansinh.distribution.campaign.Share shareOf(Campaign campaign, Entitlement entitlement) {
        return entitlement.getShare() == null ? campaign.defaultShare() : entitlement.getShare();
    }

    /** The household a delivery counts for (a merged duplicate counts for the one it was merged into) and its commune. */
    private record CountedHousehold(String id, String unitCode, List<String> mergedFrom) {
    }

    private CountedHousehold countedHousehold(String householdId) {
        String current = householdId;
        String unitCode = null;
        List<String> mergedFrom = List.of();
        for (int step = 0; step < 5; step++) {
            java.util.Optional<HouseholdReplica.Household> household = replica.find(current);
            if (household.isEmpty()) {
                break;
            }
            unitCode = household.get().unitCode();
            mergedFrom = household.get().mergedFrom();
            String next = household.get().mergedInto();
            if (next == null) {
                break;
            }
            current = next;
            mergedFrom = List.of(); // read again at the next step, for the household merged into
        }
        return new CountedHousehold(current, unitCode, mergedFrom);
    }

    /**
     * Releases claims left by a crash between the claim and the delivery's save, or between a revert
     * and the release. Reads only claims that were never confirmed (a confirmed claim belongs to a
     * saved delivery), so it stays cheap however many households a campaign has served.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    public void releaseOrphanClaims() {
        for (DeliveryClaims.Claim claim : claims.unconfirmedBefore(clock.instant().minus(ORPHAN_AFTER))) {
            Delivery delivery = mongo.findById(claim.deliveryId(), Delivery.class);
            if (delivery == null || delivery.isReverted()) {
                claims.drop(claim);
            } else {
                claims.keep(claim);
            }
        }
    }
}
