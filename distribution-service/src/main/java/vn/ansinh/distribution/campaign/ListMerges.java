package vn.ansinh.distribution.campaign;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.distribution.replica.HouseholdReplica;
import vn.ansinh.events.Events;
import vn.ansinh.platform.events.EventHandlers;
import vn.ansinh.platform.events.EventTracing;
import vn.ansinh.platform.events.OutboxDocuments;

/**
 * Keeps reports' count of a list in step with the progress screen, which counts households after
 * merges: a list counts two entries of one family once. Before approval the count is taken that way;
 * a merge after it is announced.
 */
@Configuration(proxyBeanMethods = false)
class ListMerges {

    private static final Set<CampaignState> APPROVED = Set.of(CampaignState.APPROVING, CampaignState.ACTIVE);

    private final MongoTemplate mongo;
    private final OutboxDocuments outbox;
    private final Clock clock;
    private final HouseholdReplica replica;
    private final Entitlements entitlements;

    public ListMerges(MongoTemplate mongo, OutboxDocuments outbox, Clock clock, HouseholdReplica replica,
                      Entitlements entitlements) {
        this.entitlements = entitlements;
        this.replica = replica;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Binding {@code mergedDuplicates-in-0}: merges of duplicates from the registry's household topic. */
    @Bean
    Consumer<Message<byte[]>> mergedDuplicates(JsonMapper json, EventTracing tracing) {
        return EventHandlers.on(json, tracing, Events.HOUSEHOLD_MERGED,
                (event, merge) -> householdMerged(merge.householdId(), merge.mergedInto()));
    }

    /** A household was merged into another: on every approved list holding both, one entry goes. */
    void householdMerged(String householdId, String keptHouseholdId) {
        for (Entitlement entry : entitlements.listedEntriesOf(householdId)) {
            Campaign campaign = mongo.findById(entry.getCampaignId(), Campaign.class);
            Entitlement kept = entitlements.find(Entitlement.idOf(entry.getCampaignId(), keptHouseholdId)).orElse(null);
            if (campaign == null || !APPROVED.contains(campaign.getState()) || kept == null || !kept.isIncluded()) {
                continue;
            }
            ListMerge merge = new ListMerge(campaign.getId(), householdId, keptHouseholdId, entry.getHouseholdUnitCode(),
                    clock.instant());
            try {
                outbox.insert(merge);
            } catch (DuplicateKeyException announcedAlready) {
                // the merge event came again: announced once is enough
            }
        }
    }

    /**
     * Of a list's included entries, those whose household was merged into another household that is
     * on the same list: the list counts that family once.
     */
    List<Entitlement> mergedAwayEntries(String campaignId) {
        Map<String, String> keptOf = replica.mergedInto();
        if (keptOf.isEmpty()) {
            return List.of();
        }
        List<String> entryIds = keptOf.keySet().stream().map(household -> Entitlement.idOf(campaignId, household)).toList();
        List<Entitlement> entries = entitlements.includedAmong(entryIds);
        List<String> keptIds = entries.stream().map(e -> Entitlement.idOf(campaignId, keptOf.get(e.getHouseholdId()))).toList();
        Set<String> keptListed = new HashSet<>();
        entitlements.includedAmong(keptIds).forEach(e -> keptListed.add(e.getHouseholdId()));
        return entries.stream().filter(e -> keptListed.contains(keptOf.get(e.getHouseholdId()))).toList();
    }
}
