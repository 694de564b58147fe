package vn.ansinh.distribution.campaign;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.distribution.replica.OrganisationReplica;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.web.KeyedCreation;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * A campaign's own transitions, from draft to close: created with its benefit's sources checked, its
 * parts submitted commune by commune, approved as a whole by its office only once every part is in
 * (one write with the reservation request for donation-service), its deliveries counted, closed. The
 * list itself is drafted by {@link CampaignLists}; the reservation's answer and deadline are
 * {@link ReservationDeadline}'s.
 */
@Service
public class CampaignService {

    private static final String CHANGED_MEANWHILE = OutboxDocuments.CHANGED_MEANWHILE;

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final ListMerges listMerges;
    private final BenefitSources benefitSources;
    private final Entitlements entitlements;

    CampaignService(MongoTemplate mongo, OfficeScope scope, AdminUnitDirectory units, OutboxDocuments outbox,
                    Clock clock, ListMerges listMerges, BenefitSources benefitSources, Entitlements entitlements) {
        this.entitlements = entitlements;
        this.mongo = mongo;
        this.scope = scope;
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
        this.listMerges = listMerges;
        this.benefitSources = benefitSources;
    }

    public Campaign create(CreateCampaignRequest asSent) {
        return create(asSent, null);
    }

    /** Creates the campaign once per {@code requestKey} when there is one (the caller's Idempotency-Key): see {@link KeyedCreation}. */
    public Campaign create(CreateCampaignRequest asSent, String requestKey) {
        CreateCampaignRequest request = asSent.withUnitsResolved(scope::resolve);
        scope.requireCovers(request.officeUnitCode());
        for (String target : request.targetUnitCodes()) {
            if (!units.isWithin(target, request.officeUnitCode())) {
                throw Refusal.outOfScope(target);
            }
        }
        request.benefit().requireComplete();
        if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw Refusal.invalid("endsOn", "ends-before-start");
        }
        String organisation = OrganisationReplica.ownerFor(mongo, scope, request.officeUnitCode(), request.organisationCode());
        benefitSources.requireUsableBy(request.officeUnitCode(), organisation, request.benefit());
        CreateCampaignRequest.Eligibility eligibility = request.eligibility();
        String id = KeyedCreation.idFor("campaign", requestKey);
        Campaign campaign = new Campaign(id, request.name().strip(), request.officeUnitCode(), organisation,
                request.targetUnitCodes().stream().distinct().toList(),
                eligibility.categories() == null ? List.of() : eligibility.categories(),
                eligibility.povertyStatuses() == null ? List.of() : eligibility.povertyStatuses(),
                eligibility.approvedNeeds() == null ? List.of() : eligibility.approvedNeeds(),
                request.benefit(), request.startsOn(), request.endsOn(), Boolean.TRUE.equals(request.allowOverlap()),
                quotasOf(request), clock.instant());
        return requestKey == null ? outbox.insert(campaign)
                : KeyedCreation.createOnce(() -> mongo.findById(id, Campaign.class), () -> outbox.insert(campaign));
    }

    private static Map<String, Integer> quotasOf(CreateCampaignRequest request) {
        Map<String, Integer> quotas = new HashMap<>();
        if (request.quotas() != null) {
            for (CreateCampaignRequest.Quota quota : request.quotas()) {
                if (!request.targetUnitCodes().contains(quota.unitCode())) {
                    throw Refusal.unprocessable("not-a-target-unit", quota.unitCode());
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
            throw Refusal.notFound("campaign", id);
        }
        return campaign;
    }

    public Campaign submitPart(String id, String unitCode) {
        Campaign campaign = get(id);
        scope.requireCovers(unitCode);
        long households = entitlements.countIncluded(id, unitCode);
        return change(campaign, () -> campaign.submitPart(unitCode, households, CallerOffice.current().clientId(), clock.instant()));
    }

    /**
     * A campaign the caller may run: its office's, and — for a person who acts for an organisation — one
     * of that organisation's. Communes still edit and submit their parts of any campaign that targets them.
     */
    public Campaign manageable(String id) {
        Campaign campaign = get(id);
        scope.requireCovers(campaign.getOfficeUnitCode());
        scope.requireActsFor(campaign.getOrganisationCode());
        return campaign;
    }

    /** Freezes the list and asks donation-service for everything it needs, in one write with that request. */
    public Campaign approve(String id) {
        Campaign campaign = manageable(id);
        long households = entitlements.countIncluded(id);
        Share total = entitlements.totalOf(id, campaign.getBenefit().goods().stream().map(CampaignBenefit.Goods::item).toList(),
                campaign.defaultShare());
        return change(campaign, () -> campaign.approve(households, total, approvedByCommune(id), CallerOffice.current().clientId(),
                clock.instant()));
    }

    /** Households on the approved list by the commune they lived in when listed (a family once), for reports. */
    private Map<String, Long> approvedByCommune(String campaignId) {
        Map<String, Long> byCommune = entitlements.includedByCommune(campaignId);
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
            Campaign campaign = manageable(id);
            try {
                return change(campaign, () -> campaign.close(reason, clock.instant()));
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

    static void requireDraft(Campaign campaign) {
        campaign.requireState(CampaignState.DRAFT);
    }

    private Campaign change(Campaign campaign, Runnable mutation) {
        mutation.run(); // the campaign refuses what its rules do not allow
        return save(campaign);
    }

    Campaign save(Campaign campaign) {
        return outbox.save(campaign);
    }
}
