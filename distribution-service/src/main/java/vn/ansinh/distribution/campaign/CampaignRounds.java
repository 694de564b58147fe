package vn.ansinh.distribution.campaign;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * A programme's rounds ("đợt 3" of a city resolution): the next round pays the previous round's list
 * again, carried over entry by entry with each household's share worked out anew, households no longer
 * there taken off with the reason, households taken off before kept off; communes then add and remove
 * with reasons as for any list. A household is paid at most once per round, as in any campaign.
 */
@Service
class CampaignRounds {

    /** Entries are carried and households read in slices this long. */
    private static final int SLICE = 5_000;

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final CampaignLists lists;
    private final Entitlements entitlements;
    private final HouseholdReplica replica;
    private final OfficeScope scope;
    private final OutboxDocuments outbox;
    private final Clock clock;

    CampaignRounds(MongoTemplate mongo, CampaignService campaigns, CampaignLists lists, Entitlements entitlements,
                   HouseholdReplica replica, OfficeScope scope, OutboxDocuments outbox, Clock clock) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.lists = lists;
        this.entitlements = entitlements;
        this.replica = replica;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Opens the round after {@code id}, which must be its programme's latest and have gone ahead. The
     * list is carried first and the round saved last, under an id fixed by the programme and the round's
     * number: a crash in between leaves entries that the retry finds in place, and two offices opening the
     * same round at once get one round (the second is told it is open already).
     */
    Campaign open(String id, NextRoundRequest asSent) {
        NextRoundRequest request = asSent == null ? NextRoundRequest.DEFAULTS : asSent;
        Campaign previous = campaigns.manageable(id);
        Campaign later = mongo.findOne(Query.query(Criteria.where("programmeId").is(previous.getProgrammeId())
                .and("round").gt(previous.getRound())).with(Sort.by("round")), Campaign.class);
        if (later != null) {
            throw Refusal.conflict("round.already-opened", later.getId());
        }
        if (request.startsOn() != null && request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw Refusal.invalid("endsOn", "ends-before-start");
        }
        int number = previous.getRound() + 1;
        String nextId = UUID.nameUUIDFromBytes((previous.getProgrammeId() + "#round-" + number).getBytes(StandardCharsets.UTF_8))
                .toString();
        String name = request.name() == null || request.name().isBlank() ? programmeName(previous) + " – đợt " + number
                : request.name().strip();
        Campaign next = previous.nextRound(nextId, name, request.startsOn(), request.endsOn(), clock.instant());
        carryList(previous, next);
        try {
            return outbox.insert(next);
        } catch (DuplicateKeyException openedMeanwhile) {
            throw Refusal.conflict("round.already-opened", nextId);
        }
    }

    /** The programme's rounds, first to last, as far as the caller may see them. */
    List<Campaign> roundsOf(String id) {
        Campaign any = campaigns.get(id);
        List<Campaign> rounds = new ArrayList<>(mongo.find(Query.query(Criteria.where("programmeId").is(any.getProgrammeId()))
                .with(Sort.by("round")), Campaign.class));
        if (rounds.stream().noneMatch(round -> round.getId().equals(any.getProgrammeId()))) {
            Campaign first = mongo.findById(any.getProgrammeId(), Campaign.class); // a first round older than rounds
            if (first != null) {
                rounds.add(0, first);
            }
        }
        return rounds;
    }

    /** The name of the programme: its first round's, less a round suffix it may carry already. */
    private String programmeName(Campaign previous) {
        Campaign first = previous.getRound() == 1 ? previous : mongo.findById(previous.getProgrammeId(), Campaign.class);
        String name = first == null ? previous.getName() : first.getName();
        return name.replaceFirst("\\s*[–-]\\s*đợt\\s+\\d+$", "");
    }

    private void carryList(Campaign previous, Campaign next) {
        String by = CallerOffice.current().clientId();
        Instant at = clock.instant();
        List<Entitlement> entries = mongo.find(Query.query(Criteria.where("campaignId").is(previous.getId())), Entitlement.class);
        for (int from = 0; from < entries.size(); from += SLICE) {
            List<Entitlement> slice = entries.subList(from, Math.min(entries.size(), from + SLICE));
            Map<String, HouseholdReplica.Household> households = new HashMap<>();
            replica.findAll(slice.stream().map(Entitlement::getHouseholdId).toList())
                    .forEach(household -> households.put(household.id(), household));
            List<Entitlement> carried = new ArrayList<>();
            for (Entitlement entry : slice) {
                carried.add(carried(entry, households.get(entry.getHouseholdId()), previous, next, by, at));
            }
            entitlements.insertNew(carried);
        }
    }

    /** One entry of the previous round as it stands in the next: on the list again, or off it and why. */
    private Entitlement carried(Entitlement entry, HouseholdReplica.Household household, Campaign previous, Campaign next,
                                String by, Instant at) {
        int round = previous.getRound();
        if (!entry.isIncluded()) {
            String reason = entry.getChanges().isEmpty() ? null : entry.getChanges().get(entry.getChanges().size() - 1).reason();
            return off(entry, next, "Đã đưa ra khỏi danh sách đợt " + round + (reason == null ? "" : ": " + reason), by, at);
        }
        if (household == null || !household.active()) {
            return off(entry, next, "Hộ không còn trong sổ sau đợt " + round + " (chuyển đi, không còn ai hoặc gộp trùng)", by, at);
        }
        String part = lists.targetOf(next, household.unitCode());
        if (!next.getTargetUnitCodes().contains(part)) {
            return off(entry, next, "Hộ đã chuyển ra ngoài địa bàn của chương trình sau đợt " + round, by, at);
        }
        Share share = next.shareOf(household.categories(), household.memberCount(), household.memberKinds());
        if (share.isEmpty()) {
            return off(entry, next, "Hộ không còn ai thuộc đối tượng hưởng sau đợt " + round, by, at);
        }
        return new Entitlement(next.getId(), entry.getHouseholdId(), part, household.unitCode(), share, true,
                new Entitlement.Change("CARRIED", "Danh sách đợt " + round, by, at));
    }

    private static Entitlement off(Entitlement entry, Campaign next, String reason, String by, Instant at) {
        return new Entitlement(next.getId(), entry.getHouseholdId(), entry.getUnitCode(), entry.getHouseholdUnitCode(),
                entry.getShare(), false, new Entitlement.Change("REMOVED", reason, by, at));
    }
}
