package vn.ansinh.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignApproved;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignListMerged;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.FundEntryRecorded;
import vn.ansinh.events.donation.FundOpened;
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.events.registry.HouseholdMoved;
import vn.ansinh.events.registry.HouseholdRegistered;
import vn.ansinh.events.registry.HouseholdUpdated;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;

/** The projections give the same read models whatever the order of events and however often each comes. */
class ReportingProjectionsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ReportingProjections projections = new ReportingProjections(json);

    /** A store in memory, as the rebuild keeps one. */
    private static final class MemoryStore implements ReadModelStore {
        final Map<String, Map<String, Document>> collections = new HashMap<>();

        @Override
        public Document find(String collection, String id) {
            Document stored = collections.getOrDefault(collection, Map.of()).get(id);
            return stored == null ? null : new Document(stored);
        }

        @Override
        public void put(String collection, Document document) {
            collections.computeIfAbsent(collection, c -> new HashMap<>()).put(document.getString("_id"), new Document(document));
        }
    }

    @Test
    void anyOrderAndAnyRepetitionOfTheSameEventsGivesTheSameReadModels() {
        List<IncomingEvent> events = lockdownRound();
        MemoryStore inOrder = new MemoryStore();
        events.forEach(event -> projections.apply(event, at(event), inOrder));

        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            List<IncomingEvent> shuffled = new ArrayList<>(events);
            shuffled.addAll(events.subList(0, random.nextInt(events.size()))); // some delivered twice
            Collections.shuffle(shuffled, random);
            MemoryStore store = new MemoryStore();
            shuffled.forEach(event -> projections.apply(event, at(event), store));
            assertThat(store.collections).as("trial %d", trial).isEqualTo(inOrder.collections);
        }
        Document household = inOrder.find(HouseholdView.COLLECTION, "h-1");
        assertThat(household.getString("unitCode")).as("the move is newer than the registration").isEqualTo("26761");
        assertThat(household.getString("hamlet")).isEqualTo("Khu phố 2");
        Document fund = inOrder.find(FundView.COLLECTION, "fund-1");
        assertThat(fund.getString("name")).isEqualTo("Quỹ Vì người nghèo");
        assertThat(fund.getLong("received")).as("totals of the highest entry").isEqualTo(50_000_000L);
        assertThat(fund.getLong("reserved")).isEqualTo(2_000_000L);
        assertThat(inOrder.find(DeliveryView.COLLECTION, "d-2").getBoolean("reverted")).isTrue();
        assertThat(inOrder.find(DeliveryView.COLLECTION, "d-2").getString("unitCode")).isEqualTo("27547");
        Document campaign = inOrder.find(CampaignView.COLLECTION, "c-1");
        assertThat(campaign.getString("name")).isEqualTo("Túi an sinh đợt 1");
        assertThat(campaign.get("closedAt")).isNotNull();
        assertThat(inOrder.find(ListMergeView.COLLECTION, "c-1:h-2").getString("unitCode")).isEqualTo("27547");
        List<Document> rice = inOrder.find(InKindDonationView.COLLECTION, "g-1").getList("items", Document.class);
        assertThat(rice.get(0).getLong("quantityThousandths")).isEqualTo(1_250_500L);
        assertThat(rice.get(0).getString("key")).isEqualTo("gao|kg");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        MemoryStore store = new MemoryStore();
        IncomingEvent registered = event(EventTypes.HOUSEHOLD_REGISTERED, "h-9", 1,
                new HouseholdRegistered("h-9", "27547", List.of("POOR"), "POOR", 3, Instant.parse("2026-01-05T03:00:00Z"), "Ấp 1"));
        assertThat(projections.apply(registered, at(registered), store)).isTrue();
        assertThat(projections.apply(registered, at(registered), store)).isFalse();
        IncomingEvent delivered = event(EventTypes.DELIVERY_RECORDED, "c-1", 0,
                new DeliveryRecorded("d-9", "c-1", "h-9", "27547", new Benefit(List.of(new Benefit.Money("fund-1", 500_000)), List.of())));
        assertThat(projections.apply(delivered, at(delivered), store)).isTrue();
        assertThat(projections.apply(delivered, at(delivered), store)).isFalse();
    }

    @Test
    void anUnreadableEventIsRefusedRatherThanCountedWrong() {
        IncomingEvent garbage = new IncomingEvent(UUID.randomUUID().toString(), EventTypes.HOUSEHOLD_REGISTERED, "h-x", 1,
                Instant.now(), "{not json".getBytes());
        assertThatThrownBy(() -> projections.apply(garbage, at(garbage), new MemoryStore())).isInstanceOf(InvalidEventException.class);
        IncomingEvent noUnit = event(EventTypes.HOUSEHOLD_REGISTERED, "h-y", 1,
                new HouseholdRegistered("h-y", null, List.of(), "POOR", 1, Instant.now()));
        assertThatThrownBy(() -> projections.apply(noUnit, at(noUnit), new MemoryStore())).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void cashIsCountedOnceHoweverItsEventsAreRedeliveredOrPublishedTwice() {
        MemoryStore store = new MemoryStore();
        List<IncomingEvent> partition0 = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            partition0.add(donation("don-" + i, "783", i * 100_000L));
        }
        IncomingEvent other = donation("don-q1", "760", 7_000_000L);
        // A consumer dies before committing: offsets 0-2 come again with the rest.
        for (int offset = 0; offset < 3; offset++) {
            projections.apply(partition0.get(offset), new EventPosition("donation.donations", 0, offset), store);
        }
        for (int offset = 0; offset < 5; offset++) {
            projections.apply(partition0.get(offset), new EventPosition("donation.donations", 0, offset), store);
        }
        projections.apply(other, new EventPosition("donation.donations", 1, 0), store);
        // Two outbox sweeps sent don-3 twice: the second copy sits at a later offset.
        assertThat(projections.apply(partition0.get(2), new EventPosition("donation.donations", 0, 5), store)).isFalse();

        assertThat(cash(store, "783")).containsExactly(1_500_000L, 5L);
        assertThat(cash(store, "760")).containsExactly(7_000_000L, 1L);
    }

    @Test
    void aDonationWhoseTotalWasWrittenBeforeACrashIsNotCountedAgain() {
        MemoryStore store = new MemoryStore();
        IncomingEvent first = donation("don-a", "783", 200_000L);
        projections.apply(first, new EventPosition("donation.donations", 0, 0), store);
        IncomingEvent second = donation("don-b", "783", 300_000L);
        ReadModelStore crashingAfterTheTotal = new ReadModelStore() {
            @Override
            public Document find(String collection, String id) {
                return store.find(collection, id);
            }

            @Override
            public void put(String collection, Document document) {
                if (collection.equals(CashDonationView.COLLECTION)) {
                    throw new IllegalStateException("process killed");
                }
                store.put(collection, document);
            }
        };
        EventPosition secondAt = new EventPosition("donation.donations", 0, 1);
        assertThatThrownBy(() -> projections.apply(second, secondAt, crashingAfterTheTotal)).isInstanceOf(IllegalStateException.class);
        projections.apply(second, secondAt, store); // redelivered after the restart

        assertThat(cash(store, "783")).containsExactly(500_000L, 2L);
        assertThat(store.find(CashDonationView.COLLECTION, "don-b")).isNotNull();
    }

    /** The office's cash received and number of donations, over its totals of every partition. */
    private static List<Long> cash(MemoryStore store, String office) {
        long amount = 0;
        long donations = 0;
        for (Document total : store.collections.getOrDefault(CashTotals.COLLECTION, Map.of()).values()) {
            if (office.equals(total.getString(CashTotals.UNIT_CODE))) {
                amount += total.getLong(CashTotals.AMOUNT);
                donations += total.getLong(CashTotals.DONATIONS);
            }
        }
        return List.of(amount, donations);
    }

    private IncomingEvent donation(String id, String office, long amount) {
        return event(EventTypes.CASH_DONATION_RECEIVED, id, 0,
                new CashDonationReceived(id, "fund-" + office, office, amount, "BANK", Instant.parse("2026-08-01T02:00:00Z")));
    }

    /** Where Kafka would have the event: one place per event, however often it is applied. */
    private static EventPosition at(IncomingEvent event) {
        return new EventPosition("topic-of-" + event.type(), Math.floorMod(event.subject().hashCode(), 3),
                Math.floorMod(event.id().hashCode(), 1_000_000));
    }

    private List<IncomingEvent> lockdownRound() {
        Instant t = Instant.parse("2026-08-01T02:00:00Z");
        Benefit share = new Benefit(List.of(new Benefit.Money("fund-1", 1_000_000)),
                List.of(new Benefit.Goods("783", "Gạo", "kg", 10_000)));
        return List.of(
                event(EventTypes.HOUSEHOLD_REGISTERED, "h-1", 1, new HouseholdRegistered("h-1", "27547", List.of("POOR"), "POOR", 4, t, "Ấp 3")),
                event(EventTypes.HOUSEHOLD_UPDATED, "h-1", 2, new HouseholdUpdated("h-1", "27547", List.of("POOR", "ORPHAN"), "POOR", 5)),
                event(EventTypes.HOUSEHOLD_MOVED, "h-1", 3, new HouseholdMoved("h-1", "27547", "26761", List.of("POOR", "ORPHAN"),
                        "POOR", LocalDate.of(2026, 8, 2), "Khu phố 2")),
                event(EventTypes.HOUSEHOLD_REGISTERED, "h-2", 1, new HouseholdRegistered("h-2", "27547", List.of("NEAR_POOR"), "NEAR_POOR", 2, t)),
                event(EventTypes.FUND_OPENED, "fund-1", 0, new FundOpened("fund-1", "Quỹ Vì người nghèo", "783", "Túi an sinh")),
                event(EventTypes.FUND_ENTRY_RECORDED, "fund-1", 1, new FundEntryRecorded("fund-1", "783", 1, "RECEIVED", 50_000_000L,
                        null, 50_000_000L, 0, 0, t)),
                event(EventTypes.FUND_ENTRY_RECORDED, "fund-1", 2, new FundEntryRecorded("fund-1", "783", 2, "RESERVED", 2_000_000L,
                        "c-1", 50_000_000L, 2_000_000L, 0, t)),
                event(EventTypes.IN_KIND_DONATION_RECEIVED, "g-1", 0, new InKindDonationReceived("g-1", "783",
                        List.of(new InKindDonationReceived.Item("Gạo ", "kg", new BigDecimal("1250.5"), 25_010_000L)), t)),
                event(EventTypes.CAMPAIGN_APPROVED, "c-1", 1, new CampaignApproved("c-1", "Túi an sinh đợt 1", "783",
                        LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 31), share, Map.of("27547", 2L))),
                event(EventTypes.DELIVERY_RECORDED, "c-1", 0, new DeliveryRecorded("d-1", "c-1", "h-1", "27547", share)),
                event(EventTypes.DELIVERY_RECORDED, "c-1", 0, new DeliveryRecorded("d-2", "c-1", "h-2", "27547", share)),
                event(EventTypes.DELIVERY_REVERTED, "c-1", 1, new DeliveryReverted("d-2", "c-1", "h-2", share, "nhầm hộ")),
                event(EventTypes.CAMPAIGN_LIST_MERGED, "c-1", 0, new CampaignListMerged("c-1", "h-2", "h-1", "27547")),
                event(EventTypes.CAMPAIGN_CLOSED, "c-1", 2, new CampaignClosed("c-1", "finished")));
    }

    private IncomingEvent event(String type, String subject, long sequence, Object payload) {
        return new IncomingEvent(UUID.nameUUIDFromBytes((type + subject + sequence + payload).getBytes()).toString(), type,
                subject, sequence, Instant.parse("2026-08-03T00:00:00Z"), json.writeValueAsBytes(payload));
    }
}
