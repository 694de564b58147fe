package vn.ansinh.distribution.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.campaign.Campaign;
import vn.ansinh.distribution.campaign.CampaignService;
import vn.ansinh.distribution.campaign.CampaignState;
import vn.ansinh.distribution.delivery.DeliveryService;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Verification after delivery ("aid must reach the beneficiary, with inspection so that nothing goes
 * astray"): an approver of the campaign's office draws a random sample of its deliveries, stratified by
 * commune and reproducible from a recorded seed; auditors (or the people the sample names) record what each
 * household says; a discrepancy opens a case the campaign's office answers. A delivery is sampled once:
 * a second sample draws from those not drawn yet.
 */
@Service
class VerificationService {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final DeliveryService deliveries;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;

    VerificationService(MongoTemplate mongo, CampaignService campaigns, DeliveryService deliveries, OfficeScope scope,
                        OutboxDocuments outbox, Clock clock) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.deliveries = deliveries;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    VerificationSample draw(String campaignId, VerificationRequests.Draw request) {
        if ((request.size() == null) == (request.sharePercent() == null)) {
            throw Refusal.invalid("size", "verification.size-or-share");
        }
        Campaign campaign = campaigns.manageable(campaignId);
        if (campaign.getState() != CampaignState.ACTIVE && campaign.getState() != CampaignState.CLOSED) {
            throw Refusal.conflict("verification.nothing-delivered", campaignId);
        }
        Set<String> sampledBefore = new HashSet<>();
        Query earlier = Query.query(Criteria.where("campaignId").is(campaignId));
        earlier.fields().include("deliveryId");
        mongo.find(earlier, Verification.class).forEach(v -> sampledBefore.add(v.getDeliveryId()));
        Map<String, List<String>> byCommune = new LinkedHashMap<>();
        Map<String, DeliveryService.Handover> handovers = new LinkedHashMap<>();
        for (DeliveryService.Handover handover : deliveries.standing(campaignId)) {
            if (!sampledBefore.contains(handover.id())) {
                byCommune.computeIfAbsent(handover.unitCode(), unit -> new ArrayList<>()).add(handover.id());
                handovers.put(handover.id(), handover);
            }
        }
        if (handovers.isEmpty()) {
            throw Refusal.conflict("verification.nothing-delivered", campaignId);
        }
        int size = request.size() != null ? request.size()
                : request.sharePercent().multiply(BigDecimal.valueOf(handovers.size())).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
                .intValue();
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong();
        List<StratifiedSample.Stratum> strata = StratifiedSample.draw(byCommune, size, seed);
        CallerOffice caller = CallerOffice.current();
        String sampleId = UUID.randomUUID().toString();
        VerificationSample sample = new VerificationSample(sampleId, campaignId, campaign.getOfficeUnitCode(), seed, request.size(),
                request.sharePercent(), strata.stream().map(s -> new VerificationSample.Part(s.unitCode(), s.deliveries(), s.drawn().size()))
                .toList(), request.verifiers() == null ? List.of() : request.verifiers(), caller.clientId(), clock.instant());
        List<Verification> drawn = new ArrayList<>();
        for (StratifiedSample.Stratum stratum : strata) {
            for (String deliveryId : stratum.drawn()) {
                DeliveryService.Handover handover = handovers.get(deliveryId);
                drawn.add(new Verification(UUID.randomUUID().toString(), campaignId, sampleId, campaign.getOfficeUnitCode(), deliveryId,
                        handover.householdId(), handover.unitCode()));
            }
        }
        // The verifications first: a sample stored without them would promise a check nobody can record.
        try {
            outbox.prepareAll(drawn);
            mongo.insertAll(drawn);
            outbox.handOverAll(drawn);
        } catch (DuplicateKeyException drawnMeanwhile) {
            // Another approver drew some of the same deliveries at this moment: this draw is undone and refused.
            mongo.remove(Query.query(Criteria.where("sampleId").is(sampleId)), Verification.class);
            throw Refusal.conflict(OutboxDocuments.CHANGED_MEANWHILE, campaignId);
        }
        return outbox.insert(sample);
    }

    /** Records a finding: an auditor of the household's area, or someone the sample names, whose area covers the household. */
    Verification record(String id, VerificationRequests.Finding request) {
        Verification verification = get(id);
        CallerOffice caller = CallerOffice.current();
        VerificationSample sample = mongo.findById(verification.getSampleId(), VerificationSample.class);
        boolean verifier = caller.hasRole("AUDITOR") || (sample != null && sample.mayVerify(caller.clientId()));
        if (!verifier || !scope.covers(caller, verification.getUnitCode())) {
            throw new AccessDeniedException("not a verifier of this sample");
        }
        if (verification.record(request.outcome(), request.note(), caller.clientId(), clock.instant())) {
            return outbox.save(verification);
        }
        return verification;
    }

    /** The campaign's office answers a case: an officer or approver whose area covers the office. */
    Verification answer(String id, VerificationRequests.CaseAnswer request) {
        Verification verification = get(id);
        scope.requireCovers(verification.getOfficeUnitCode());
        verification.answer(request.answer().strip(), CallerOffice.current().clientId(), clock.instant());
        return outbox.save(verification);
    }

    /** A verification whose household, or whose campaign's office, lies in the caller's area. */
    Verification get(String id) {
        Verification verification = mongo.findById(id, Verification.class);
        CallerOffice caller = CallerOffice.current();
        if (verification == null || !(scope.covers(caller, verification.getUnitCode())
                || scope.covers(caller, verification.getOfficeUnitCode()))) {
            throw Refusal.notFound("verification", id);
        }
        return verification;
    }

    record VerificationPage(List<Verification> content, long totalElements) {
    }

    VerificationPage list(String campaignId, Outcome outcome, Verification.CaseState caseState, Boolean verified, int page, int size) {
        Campaign campaign = campaigns.get(campaignId);
        Criteria criteria = Criteria.where("campaignId").is(campaignId);
        if (!scope.covers(CallerOffice.current(), campaign.getOfficeUnitCode())) {
            criteria = new Criteria().andOperator(criteria, scope.listArea("unitCode", null));
        }
        if (outcome != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("outcome").is(outcome));
        }
        if (caseState != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("caseState").is(caseState));
        }
        if (verified != null) {
            criteria = new Criteria().andOperator(criteria, verified ? Criteria.where("outcome").ne(null) : Criteria.where("outcome").is(null));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Verification.class);
        return new VerificationPage(mongo.find(query.with(Sort.by("unitCode", "_id")).skip((long) page * size).limit(size),
                Verification.class), total);
    }

    /** The campaign's samples, the findings so far and the verified rate: what the campaign report shows. */
    VerificationSummary summary(String campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<VerificationSample> samples = mongo.find(Query.query(Criteria.where("campaignId").is(campaignId))
                .with(Sort.by("drawnAt")), VerificationSample.class);
        Query all = Query.query(Criteria.where("campaignId").is(campaignId));
        all.fields().include("outcome", "caseState");
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long sampled = 0;
        long openCases = 0;
        for (Verification verification : mongo.find(all, Verification.class)) {
            sampled++;
            if (verification.getOutcome() != null) {
                outcomes.merge(verification.getOutcome(), 1L, Long::sum);
            }
            if (verification.getCaseState() == Verification.CaseState.OPEN) {
                openCases++;
            }
        }
        long verified = outcomes.values().stream().mapToLong(Long::longValue).sum();
        long inFull = outcomes.getOrDefault(Outcome.RECEIVED_IN_FULL, 0L);
        return new VerificationSummary(campaign.getId(), samples.stream().map(VerificationSummary.Sample::of).toList(), sampled,
                verified, Map.copyOf(outcomes), verified == 0 ? null : BigDecimal.valueOf(inFull * 100).divide(BigDecimal.valueOf(verified),
                2, RoundingMode.HALF_UP), openCases);
    }
}
