package vn.ansinh.distribution.campaign;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.HouseholdReplicaProjection;
import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.ApiException;

/**
 * Campaigns from draft to close: the list generated from the household replica and edited with
 * reasons, submitted commune by commune, approved as a whole by the campaign's office only once every
 * part is in, then reserved in donation-service (a saga: the answer makes the campaign ACTIVE or
 * REJECTED; no answer in time rejects it and tells donation-service to give back anything reserved).
 */
@Service
public class CampaignService {

    private static final String CHANGED_MEANWHILE = "changed-meanwhile";

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final EventFactory events;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final Duration reservationTimeout;
    private final ListMerges listMerges;
    private final BenefitSources benefitSources;

    CampaignService(MongoTemplate mongo, OfficeScope scope, AdminUnitDirectory units, EventFactory events, OutboxDocuments outbox,
                    Clock clock, @Value("${ansinh.distribution.reservation-timeout:PT2M}") Duration reservationTimeout,
                    ListMerges listMerges, BenefitSources benefitSources) {
        this.mongo = mongo;
        this.scope = scope;
        this.units = units;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
        this.reservationTimeout = reservationTimeout;
        this.listMerges = listMerges;
        this.benefitSources = benefitSources;
    }

    public Campaign create(CreateCampaignRequest asSent) {
        CreateCampaignRequest request = asSent.withUnitsResolved(scope::resolve);
        scope.requireCovers(request.officeUnitCode());
        for (String target : request.targetUnitCodes()) {
            if (!units.isWithin(target, request.officeUnitCode())) {
                throw ApiException.outOfScope(target);
            }
        }
        if (request.benefit().cash() == null && request.benefit().goods().isEmpty()) {
            throw ApiException.invalid(List.of(new vn.ansinh.platform.web.FieldError("benefit", "NotEmpty")));
        }
        if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw ApiException.invalid(List.of(new vn.ansinh.platform.web.FieldError("endsOn", "ends-before-start")));
        }
        benefitSources.requireUsableBy(request.officeUnitCode(), request.benefit());
        CreateCampaignRequest.Eligibility eligibility = request.eligibility();
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), request.name().strip(), request.officeUnitCode(),
                request.targetUnitCodes().stream().distinct().toList(),
                eligibility.categories() == null ? List.of() : eligibility.categories(),
                eligibility.povertyStatuses() == null ? List.of() : eligibility.povertyStatuses(),
                eligibility.approvedNeeds() == null ? List.of() : eligibility.approvedNeeds(),
                request.benefit(), request.startsOn(), request.endsOn(), Boolean.TRUE.equals(request.allowOverlap()),
                quotasOf(request), clock.instant());
        return mongo.insert(campaign);
    }

    private static Map<String, Integer> quotasOf(CreateCampaignRequest request) {
        Map<String, Integer> quotas = new HashMap<>();
        if (request.quotas() != null) {
            for (CreateCampaignRequest.Quota quota : request.quotas()) {
                if (!request.targetUnitCodes().contains(quota.unitCode())) {
                    throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-target-unit", quota.unitCode());
                }
                quotas.put(quota.unitCode(), quota.maxHouseholds());
            }
        }
        return quotas;
    }

    /** A campaign the caller's office runs or takes part in (one of its targets lies in the caller's area). */
    public Campaign get(String id) {
        Campaign campaign = mongo.findById(id, Campaign.class);
        CallerOffice caller = CallerOffice.current();
        if (campaign == null || !(scope.canRead(caller, campaign.getOfficeUnitCode())
                || campaign.getTargetUnitCodes().stream().anyMatch(unit -> scope.covers(caller, unit)))) {
            throw ApiException.notFound("campaign", id);
        }
        return campaign;
    }

    /** What generating the list did. */
    public record Generated(long added, long alreadyServedElsewhere) {
    }

    /**
     * Puts every eligible active household of the target units on the list; households already on it
     * keep their edits. Households on the list of an overlapping campaign giving the same kind of
     * benefit are left out, unless this campaign allows it.
     */
    public Generated generate(String id) {
        Campaign campaign = get(id);
        scope.requireCovers(campaign.getOfficeUnitCode());
        requireDraft(campaign);
        Set<String> area = new HashSet<>();
        campaign.getTargetUnitCodes().forEach(target -> area.addAll(units.selfAndDescendants(target)));
        List<Criteria> eligible = new ArrayList<>();
        if (!campaign.getEligibleCategories().isEmpty()) {
            eligible.add(Criteria.where("categories").in(campaign.getEligibleCategories()));
        }
        if (!campaign.getEligiblePovertyStatuses().isEmpty()) {
            eligible.add(Criteria.where("povertyStatus").in(campaign.getEligiblePovertyStatuses()));
        }
        if (!campaign.getEligibleNeeds().isEmpty()) {
            Query needs = Query.query(Criteria.where("kinds").in(campaign.getEligibleNeeds()));
            needs.fields().include("householdId");
            List<String> withNeeds = mongo.find(needs, Document.class, ApprovedNeeds.COLLECTION).stream()
                    .map(need -> need.getString("householdId")).distinct().toList();
            eligible.add(Criteria.where("_id").in(withNeeds));
        }
        Criteria criteria = Criteria.where("unitCode").in(area).and("active").ne(false);
        if (!eligible.isEmpty()) {
            criteria = criteria.orOperator(eligible.toArray(Criteria[]::new));
        }
        Query query = Query.query(criteria);
        query.fields().include("_id", "unitCode");
        Entitlement.Change generated = new Entitlement.Change("GENERATED", null, CallerOffice.current().clientId(), clock.instant());
        Set<String> servedElsewhere = campaign.isAllowOverlap() ? Set.of() : onOverlappingLists(campaign);
        List<Document> eligibleHouseholds = mongo.find(query, Document.class, HouseholdReplicaProjection.COLLECTION);
        List<Entitlement> list = eligibleHouseholds.stream()
                .filter(household -> !servedElsewhere.contains(household.getString("_id")))
                .map(household -> new Entitlement(id, household.getString("_id"), targetOf(campaign, household.getString("unitCode")),
                        household.getString("unitCode"), generated)).toList();
        long added = 0;
        for (int from = 0; from < list.size(); from += 5_000) {
            List<Entitlement> slice = list.subList(from, Math.min(list.size(), from + 5_000));
            try {
                added += mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, Entitlement.class)
                        .insert(slice).execute().getInsertedCount();
            } catch (BulkOperationException someWereThere) {
                added += someWereThere.getResult().getInsertedCount();
            }
        }
        return new Generated(added, eligibleHouseholds.size() - list.size());
    }

    /** Households on the lists of campaigns that overlap this one and went ahead (approved, running or done). */
    private Set<String> onOverlappingLists(Campaign campaign) {
        List<String> overlapping = mongo.find(Query.query(Criteria.where("state").in(CampaignState.APPROVING,
                        CampaignState.ACTIVE, CampaignState.CLOSED)), Campaign.class).stream()
                .filter(other -> !other.getId().equals(campaign.getId()) && campaign.overlaps(other))
                .map(Campaign::getId).toList();
        if (overlapping.isEmpty()) {
            return Set.of();
        }
        Query onLists = Query.query(Criteria.where("campaignId").in(overlapping).and("included").is(true));
        onLists.fields().include("householdId");
        Set<String> households = new HashSet<>();
        mongo.find(onLists, Document.class, "entitlements").forEach(e -> households.add(e.getString("householdId")));
        return households;
    }

    /** The target unit a household's commune belongs to: the part of the list it is in. */
    private String targetOf(Campaign campaign, String unitCode) {
        return campaign.getTargetUnitCodes().stream().filter(target -> units.isWithin(unitCode, target)).findFirst()
                .orElse(unitCode);
    }

    /** Adds a household to, or takes it off, a part of the list that is still open, with the reason. */
    public Entitlement edit(String id, String householdId, boolean include, String reason) {
        Campaign campaign = get(id);
        requireDraft(campaign);
        Document household = mongo.findById(householdId, Document.class, HouseholdReplicaProjection.COLLECTION);
        if (household == null || Boolean.FALSE.equals(household.getBoolean("active"))) {
            throw ApiException.notFound("household", householdId);
        }
        String part = targetOf(campaign, household.getString("unitCode"));
        if (!campaign.getTargetUnitCodes().contains(part)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "household-outside-campaign", householdId);
        }
        scope.requireCovers(household.getString("unitCode"));
        if (!campaign.isPartOpen(part)) {
            throw new ApiException(HttpStatus.CONFLICT, "part-already-submitted", part);
        }
        Entitlement.Change change = new Entitlement.Change(include ? "ADDED" : "REMOVED", reason,
                CallerOffice.current().clientId(), clock.instant());
        String entitlementId = Entitlement.idOf(id, householdId);
        mongo.upsert(Query.query(Criteria.where("_id").is(entitlementId)), new Update().set("included", include)
                .push("changes", change).setOnInsert("campaignId", id).setOnInsert("householdId", householdId)
                .setOnInsert("unitCode", part).setOnInsert("householdUnitCode", household.getString("unitCode")), Entitlement.class);
        return mongo.findById(entitlementId, Entitlement.class);
    }

    public Campaign submitPart(String id, String unitCode) {
        Campaign campaign = get(id);
        scope.requireCovers(unitCode);
        long households = mongo.count(Query.query(Criteria.where("campaignId").is(id).and("unitCode").is(unitCode)
                .and("included").is(true)), Entitlement.class);
        return change(campaign, () -> campaign.submitPart(unitCode, households, CallerOffice.current().clientId(), clock.instant()));
    }

    /** Freezes the list and asks donation-service for everything it needs, in one write with that request. */
    public Campaign approve(String id) {
        Campaign campaign = get(id);
        scope.requireCovers(campaign.getOfficeUnitCode());
        long households = mongo.count(Query.query(Criteria.where("campaignId").is(id).and("included").is(true)), Entitlement.class);
        return change(campaign, () -> {
            campaign.approve(households, CallerOffice.current().clientId(), clock.instant());
            campaign.recordEvent(events.create(Events.CAMPAIGN_APPROVED, id, campaign.nextVersion(),
                    new CampaignApproved(id, campaign.getName(), campaign.getOfficeUnitCode(), campaign.getStartsOn(),
                            campaign.getEndsOn(), benefitOfOneHousehold(campaign), approvedByCommune(id))));
            campaign.recordEvent(events.create(Events.CAMPAIGN_RESERVATION_REQUESTED, id,
                    campaign.nextVersion(), new CampaignReservationRequested(id, campaign.getOfficeUnitCode(),
                            Benefits.forHouseholds(campaign, households))));
        });
    }

    /** Households on the approved list by the commune they lived in when listed (a family once), for reports. */
    private Map<String, Long> approvedByCommune(String campaignId) {
        Map<String, Long> byCommune = new TreeMap<>();
        mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(Criteria.where("campaignId").is(campaignId).and("included").is(true)),
                        Aggregation.group("householdUnitCode").count().as("n")), Entitlement.class, Document.class)
                .forEach(group -> byCommune.put(group.getString("_id"), ((Number) group.get("n")).longValue()));
        // Two entries of one family (merged while the list was drafted) count once, as on the progress screen.
        listMerges.mergedAwayEntries(campaignId).forEach(entry -> byCommune.computeIfPresent(entry.getHouseholdUnitCode(),
                (commune, households) -> households > 1 ? households - 1 : null));
        return byCommune;
    }

    /**
     * Closes the campaign; its event carries how many deliveries were recorded and reverted before it.
     * A delivery counted meanwhile moves the version, so the close is tried again on what it left.
     */
    public Campaign close(String id, String reason) {
        for (int attempt = 1; ; attempt++) {
            Campaign campaign = get(id);
            scope.requireCovers(campaign.getOfficeUnitCode());
            try {
                return change(campaign, () -> {
                    campaign.close(clock.instant());
                    campaign.recordEvent(events.create(Events.CAMPAIGN_CLOSED, id, campaign.nextVersion(),
                            campaign.closedEvent(reason)));
                });
            } catch (Refusal changed) {
                if (!CHANGED_MEANWHILE.equals(changed.code()) || attempt == 20) {
                    throw changed;
                }
            }
        }
    }

    /**
     * Counts a delivery on the campaign while it is active, in one conditional write.
     *
     * @throws Refusal {@code campaign.wrong-state} when the campaign is no longer active (closed meanwhile)
     */
    public void countDelivery(String id) {
        long matched = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is(CampaignState.ACTIVE)),
                new Update().inc("deliveriesRecorded", 1).inc("version", 1), Campaign.class).getMatchedCount();
        if (matched == 0) {
            throw Refusal.conflict("campaign.wrong-state", mongo.findById(id, Campaign.class).getState());
        }
    }

    /** Counts a reverted delivery on the campaign. */
    public void countRevert(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("deliveriesReverted", 1).inc("version", 1),
                Campaign.class);
    }

    /** donation-service answered: the campaign starts, or is rejected with donation-service's reason. */
    public void reservationAnswered(String id, boolean confirmed, String reason, String detail) {
        Campaign campaign = mongo.findById(id, Campaign.class);
        if (campaign == null) {
            return;
        }
        boolean changed = confirmed ? campaign.reserved() : campaign.reject(reason, detail);
        if (changed) {
            save(campaign);
        } else if (confirmed && campaign.getState() == CampaignState.REJECTED) {
            // Confirmed after the timeout gave up: give everything back.
            campaign.recordEvent(events.create(Events.CAMPAIGN_CLOSED, id, campaign.nextVersion(),
                    campaign.closedEvent("reservation-timeout")));
            save(campaign);
        }
    }

    /** Campaigns whose reservation was not answered in time are rejected, and anything reserved meanwhile is released. */
    @Scheduled(fixedDelayString = "${ansinh.distribution.reservation-timeout-check:PT15S}")
    void rejectUnanswered() {
        Query waiting = Query.query(Criteria.where("state").is(CampaignState.APPROVING)
                .and("approvalRequestedAt").lt(clock.instant().minus(reservationTimeout)));
        for (Campaign campaign : mongo.find(waiting, Campaign.class)) {
            if (campaign.reject("reservation-timeout", "Không nhận được trả lời giữ tiền và hàng trong "
                    + reservationTimeout.toMinutes() + " phút")) {
                campaign.recordEvent(events.create(Events.CAMPAIGN_CLOSED, campaign.getId(),
                        campaign.nextVersion(), campaign.closedEvent("reservation-timeout")));
                try {
                    save(campaign);
                } catch (Refusal answeredMeanwhile) {
                    // the answer arrived while we were giving up: it wins
                }
            }
        }
    }

    private static void requireDraft(Campaign campaign) {
        campaign.requireState(CampaignState.DRAFT);
    }

    private Campaign change(Campaign campaign, Runnable mutation) {
        mutation.run(); // the campaign refuses what its rules do not allow
        return save(campaign);
    }

    private Campaign save(Campaign campaign) {
        return outbox.save(campaign);
    }

    /** What one household receives, as donation-service spends it. */
    public static Benefit benefitOfOneHousehold(Campaign campaign) {
        return Benefits.forHouseholds(campaign, 1);
    }

    /** The benefit of a number of households, as donation-service counts it. */
    static final class Benefits {
        private Benefits() {
        }

        static Benefit forHouseholds(Campaign campaign, long households) {
            CampaignBenefit benefit = campaign.getBenefit();
            List<Benefit.Money> money = benefit.cash() == null ? List.of()
                    : List.of(new Benefit.Money(benefit.cash().fundId(), benefit.cash().amountPerHousehold() * households));
            List<Benefit.Goods> goods = benefit.goods().stream().map(item -> new Benefit.Goods(
                    item.stockOfficeUnitCode() == null ? campaign.getOfficeUnitCode() : item.stockOfficeUnitCode(),
                    item.item(), item.unit(), item.quantityPerHousehold().movePointRight(3).longValueExact() * households)).toList();
            return new Benefit(money, goods);
        }
    }
}
