package vn.ansinh.reporting.projection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.events.EventType;
import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.donation.CashDonationReceived;
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.events.registry.HouseholdPovertyStatusChanged;
import vn.ansinh.events.registry.NeedChanged;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;

/**
 * What each event changes in the read models. The same code serves the live consumers and the
 * rebuild, so a rebuilt read model is the live one by construction.
 *
 * <p>Every change is safe to apply twice and in any order, in one of three ways: a document of an
 * aggregate with a version (households, needs) keeps each field from the newest event carrying it; a fund keeps the
 * totals of its highest ledger entry; a fact that only accumulates fields (a donation, a campaign,
 * a delivery and its reversal) sets fields that never contradict each other. The one running
 * total, {@link CashTotals}, also relies on Kafka's order within a partition, which the consumers
 * and the rebuild both keep.
 */
@Component
public class ReportingProjections {

    private static final String VERSION = "version";
    /** Per field, the sequence of the event that set it. */
    private static final String FIELD_VERSIONS = "fieldVersions";

    private interface Handler<T> {
        boolean apply(IncomingEvent event, T payload, ReadModelStore store);
    }

    /** A handler that also needs to know where the event was read. */
    private interface PositionedHandler<T> {
        boolean apply(IncomingEvent event, EventPosition at, T payload, ReadModelStore store);
    }

    private record Typed<T>(Class<T> payloadType, PositionedHandler<T> handler) {
        Read read(IncomingEvent event, JsonMapper json) {
            T payload = event.payloadAs(json, payloadType);
            return new Read(event, (at, store) -> handler.apply(event, at, payload, store));
        }
    }

    /** An event whose payload has been read once, to be applied to one store or more. */
    public static final class Read {
        private final IncomingEvent event;
        private final java.util.function.BiPredicate<EventPosition, ReadModelStore> apply;

        private Read(IncomingEvent event, java.util.function.BiPredicate<EventPosition, ReadModelStore> apply) {
            this.event = event;
            this.apply = apply;
        }

        public IncomingEvent event() {
            return event;
        }
    }

    private final JsonMapper json;
    private final Map<String, Typed<?>> byType = new HashMap<>();

    public ReportingProjections(JsonMapper json) {
        this.json = json;
        households();
        needs();
        feedback();
        funds();
        donations();
        campaigns();
        unitStatistics();
    }

    /**
     * @param at where the event was read; events of one partition come in offset order
     * @return true if a read model changed; unknown event types change nothing
     */
    public boolean apply(IncomingEvent event, EventPosition at, ReadModelStore store) {
        Read read = read(event);
        return read != null && apply(read, at, store);
    }

    /**
     * Reads the event's payload, once however often it is then applied.
     *
     * @return null for an event type no read model uses
     * @throws InvalidEventException when the payload cannot be read
     */
    public Read read(IncomingEvent event) {
        Typed<?> typed = byType.get(event.type());
        return typed == null ? null : typed.read(event, json);
    }

    /** @return true if a read model changed */
    public boolean apply(Read read, EventPosition at, ReadModelStore store) {
        return read.apply.test(at, store);
    }

    private <T> void on(EventType<T> type, Handler<T> handler) {
        on(type, (PositionedHandler<T>) (event, at, payload, store) -> handler.apply(event, payload, store));
    }

    private <T> void on(EventType<T> type, PositionedHandler<T> handler) {
        byType.put(type.name(), new Typed<>(type.payload(), handler));
    }

    private void households() {
        on(Events.HOUSEHOLD_REGISTERED, (event, household, store) -> {
            if (household.unitCode() == null || household.categories() == null || household.registeredAt() == null) {
                throw new InvalidEventException("Household event " + event.id() + " lacks unit, categories or time");
            }
            return versioned(store, HouseholdView.COLLECTION, event, new Document(HouseholdView.UNIT_CODE, household.unitCode())
                    .append(HouseholdView.HAMLET, household.hamlet()).append(HouseholdView.CATEGORIES, household.categories())
                    .append(HouseholdView.POVERTY_STATUS, household.povertyStatus())
                    .append(HouseholdView.MEMBER_COUNT, household.memberCount()).append(HouseholdView.ACTIVE, true)
                    .append(HouseholdView.REGISTERED_AT, Date.from(household.registeredAt())));
        });
        on(Events.HOUSEHOLD_POVERTY_STATUS_CHANGED, (event, change, store) -> {
            if (change.effectiveFrom() == null || change.povertyStatus() == null) {
                throw new InvalidEventException("Poverty status event " + event.id() + " lacks its status or date");
            }
            boolean fields = versioned(store, HouseholdView.COLLECTION, event, new Document(HouseholdView.UNIT_CODE, change.unitCode())
                    .append(HouseholdView.CATEGORIES, change.categories())
                    .append(HouseholdView.POVERTY_STATUS, change.povertyStatus()));
            return recordStatusChange(store, event, change) || fields;
        });
        on(Events.HOUSEHOLD_UPDATED, (event, update, store) -> {
            Document fields = new Document(HouseholdView.UNIT_CODE, update.unitCode())
                    .append(HouseholdView.CATEGORIES, update.categories())
                    .append(HouseholdView.POVERTY_STATUS, update.povertyStatus())
                    .append(HouseholdView.MEMBER_COUNT, update.memberCount());
            if (update.hamlet() != null) {
                fields.append(HouseholdView.HAMLET, update.hamlet());
            }
            return versioned(store, HouseholdView.COLLECTION, event, fields);
        });
        on(Events.HOUSEHOLD_MOVED, (event, move, store) ->
                versioned(store, HouseholdView.COLLECTION, event, new Document(HouseholdView.UNIT_CODE, move.unitCode())
                        .append(HouseholdView.HAMLET, move.hamlet()).append(HouseholdView.CATEGORIES, move.categories())
                        .append(HouseholdView.POVERTY_STATUS, move.povertyStatus())));
        on(Events.HOUSEHOLD_DEACTIVATED, (event, deactivation, store) ->
                versioned(store, HouseholdView.COLLECTION, event, new Document(HouseholdView.UNIT_CODE, deactivation.unitCode())
                        .append(HouseholdView.ACTIVE, false).append(HouseholdView.DEACTIVATED_ON,
                                deactivation.effectiveFrom() == null ? null : deactivation.effectiveFrom().toString())));
        // A duplicate merged into another household is no longer counted anywhere.
        on(Events.HOUSEHOLD_MERGED, (event, merge, store) ->
                versioned(store, HouseholdView.COLLECTION, event, new Document(HouseholdView.UNIT_CODE, merge.unitCode())
                        .append(HouseholdView.ACTIVE, false).append(HouseholdView.MERGED_INTO, merge.mergedInto())));
    }

    /**
     * Adds a dated change to the household's status history once (a redelivered event finds its sequence
     * there), keeping the history in the order the changes took effect.
     */
    private static boolean recordStatusChange(ReadModelStore store, IncomingEvent event, HouseholdPovertyStatusChanged change) {
        Document household = store.find(HouseholdView.COLLECTION, event.subject());
        Document updated = household == null ? new Document("_id", event.subject()) : household;
        List<Document> changes = new ArrayList<>(updated.getList(HouseholdView.STATUS_CHANGES, Document.class, List.of()));
        if (changes.stream().anyMatch(known -> known.get(HouseholdView.CHANGE_SEQUENCE) instanceof Number seq
                && seq.longValue() == event.sequence())) {
            return false;
        }
        changes.add(new Document(HouseholdView.CHANGE_SEQUENCE, event.sequence())
                .append(HouseholdView.CHANGE_ON, change.effectiveFrom().toString())
                .append(HouseholdView.CHANGE_FROM, change.previousStatus()).append(HouseholdView.CHANGE_TO, change.povertyStatus()));
        changes.sort(java.util.Comparator.comparing((Document c) -> c.getString(HouseholdView.CHANGE_ON))
                .thenComparingLong(c -> ((Number) c.get(HouseholdView.CHANGE_SEQUENCE)).longValue()));
        updated.put(HouseholdView.STATUS_CHANGES, changes);
        updated.put(HouseholdView.LAST_CHANGE_ON, changes.get(changes.size() - 1).getString(HouseholdView.CHANGE_ON));
        updated.put(HouseholdView.CHANGE_YEARS, changes.stream()
                .map(c -> Integer.parseInt(c.getString(HouseholdView.CHANGE_ON).substring(0, 4))).distinct().sorted().toList());
        store.put(HouseholdView.COLLECTION, updated);
        return true;
    }

    /** A unit's yearly statistics and targets: every event carries the whole state, the newest wins. */
    private void unitStatistics() {
        on(Events.UNIT_STATISTICS_RECORDED, (event, statistics, store) -> {
            if (statistics.unitCode() == null || statistics.year() < 1) {
                throw new InvalidEventException("Unit statistics event " + event.id() + " lacks its unit or year");
            }
            return versioned(store, UnitStatisticsView.COLLECTION, event, new Document(UnitStatisticsView.UNIT_CODE, statistics.unitCode())
                    .append(UnitStatisticsView.YEAR, statistics.year())
                    .append(UnitStatisticsView.TOTAL_HOUSEHOLDS, statistics.totalHouseholds())
                    .append(UnitStatisticsView.ETHNIC_MINORITY_HOUSEHOLDS, statistics.ethnicMinorityHouseholds())
                    .append(UnitStatisticsView.POOR_RATE_TARGET, decimal(statistics.poorRateTarget()))
                    .append(UnitStatisticsView.NEAR_POOR_RATE_TARGET, decimal(statistics.nearPoorRateTarget()))
                    .append(UnitStatisticsView.ETHNIC_MINORITY_POOR_RATE_TARGET, decimal(statistics.ethnicMinorityPoorRateTarget())));
        });
    }

    /** Targets are stored as text: exact, and readable alike by MongoDB and its wire-protocol stand-in. */
    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Residents' feedback, counted by kind and state: every event carries the whole state, the newest wins. */
    private void feedback() {
        on(Events.FEEDBACK_RECORDED, (event, feedback, store) -> {
            if (feedback.unitCode() == null || feedback.kind() == null || feedback.state() == null) {
                throw new InvalidEventException("Feedback event " + event.id() + " lacks its unit, kind or state");
            }
            return versioned(store, FeedbackView.COLLECTION, event, new Document(FeedbackView.UNIT_CODE, feedback.unitCode())
                    .append(FeedbackView.KIND, feedback.kind()).append(FeedbackView.STATE, feedback.state())
                    .append(FeedbackView.DEADLINE, feedback.deadline() == null ? null : Date.from(feedback.deadline()))
                    .append(FeedbackView.SUBMITTED_AT, feedback.submittedAt() == null ? null : Date.from(feedback.submittedAt())));
        });
    }

    private void needs() {
        Handler<NeedChanged> need = (event, change, store) -> {
            if (change.unitCode() == null || change.state() == null) {
                throw new InvalidEventException("Need event " + event.id() + " lacks unit or state");
            }
            return versioned(store, NeedView.COLLECTION, event, new Document(NeedView.UNIT_CODE, change.unitCode())
                    .append(NeedView.KINDS, change.kinds()).append(NeedView.STATE, change.state())
                    .append(NeedView.HOUSEHOLD_ID, change.householdId()).append(NeedView.AT, date(event)));
        };
        for (EventType<NeedChanged> type : List.of(Events.NEED_SUBMITTED, Events.NEED_VERIFIED, Events.NEED_APPROVED,
                Events.NEED_REJECTED)) {
            on(type, need);
        }
    }

    private void funds() {
        on(Events.ORGANISATION_REGISTERED, (event, organisation, store) -> {
            if (organisation.officeUnitCode() == null || organisation.code() == null) {
                throw new InvalidEventException("Organisation event " + event.id() + " names no office or code");
            }
            return accumulate(store, OrganisationView.COLLECTION, organisation.officeUnitCode() + ":" + organisation.code(),
                    new Document(OrganisationView.OFFICE_UNIT_CODE, organisation.officeUnitCode())
                            .append(OrganisationView.CODE, organisation.code()).append(OrganisationView.NAME, organisation.name()));
        });
        on(Events.FUND_OPENED, (event, fund, store) ->
                accumulate(store, FundView.COLLECTION, fund.fundId(), new Document(FundView.NAME, fund.name())
                        .append(FundView.OFFICE_UNIT_CODE, fund.officeUnitCode()).append(FundView.PURPOSE, fund.purpose())
                        .append(FundView.ORGANISATION_CODE, fund.organisationCode())));
        // Entries carry the totals after them: keep those of the highest entry seen.
        on(Events.FUND_ENTRY_RECORDED, (event, entry, store) -> {
            Document fund = store.find(FundView.COLLECTION, entry.fundId());
            if (fund != null && fund.get(FundView.ENTRY_SEQ) instanceof Number seen && seen.longValue() >= entry.seq()) {
                return false;
            }
            Document updated = fund == null ? new Document("_id", entry.fundId()) : fund;
            updated.append(FundView.OFFICE_UNIT_CODE, entry.officeUnitCode()).append(FundView.ENTRY_SEQ, entry.seq())
                    .append(FundView.RECEIVED, entry.receivedTotal()).append(FundView.RESERVED, entry.reservedTotal())
                    .append(FundView.SPENT, entry.spentTotal()).append(FundView.LAST_ENTRY_AT, Date.from(entry.at()));
            store.put(FundView.COLLECTION, updated);
            return true;
        });
    }

    private void donations() {
        on(Events.CASH_DONATION_RECEIVED, (PositionedHandler<CashDonationReceived>) (event, at, donation, store) -> {
            if (donation.amount() <= 0 || donation.officeUnitCode() == null) {
                throw new InvalidEventException("Donation event " + event.id() + " has no office or no amount");
            }
            Document stored = store.find(CashDonationView.COLLECTION, donation.donationId());
            // The total first: see CashTotals for why this order counts each donation exactly once.
            boolean counted = stored == null && CashTotals.count(store, donation.officeUnitCode(), donation.amount(), at);
            return accumulate(store, CashDonationView.COLLECTION, stored, donation.donationId(),
                    new Document(CashDonationView.FUND_ID, donation.fundId())
                            .append(CashDonationView.OFFICE_UNIT_CODE, donation.officeUnitCode())
                            .append(CashDonationView.AMOUNT, donation.amount()).append(CashDonationView.CHANNEL, donation.channel())
                            .append(CashDonationView.RECEIVED_AT, Date.from(donation.receivedAt()))) || counted;
        });
        on(Events.IN_KIND_DONATION_RECEIVED, (event, donation, store) -> {
            if (donation.officeUnitCode() == null || donation.items() == null || donation.items().isEmpty()) {
                throw new InvalidEventException("Goods event " + event.id() + " has no office or no items");
            }
            List<Document> items = new ArrayList<>();
            for (InKindDonationReceived.Item item : donation.items()) {
                items.add(GoodsLines.line(item.item(), item.unit(), thousandths(item.quantity()), item.estimatedValue()));
            }
            return accumulate(store, InKindDonationView.COLLECTION, donation.donationId(),
                    new Document(InKindDonationView.OFFICE_UNIT_CODE, donation.officeUnitCode())
                            .append(InKindDonationView.ITEMS, items)
                            .append(InKindDonationView.VALUE, items.stream().mapToLong(line -> line.getLong(GoodsLines.VALUE)).sum())
                            .append(InKindDonationView.RECEIVED_AT, Date.from(donation.receivedAt()))
                            .append(InKindDonationView.ORGANISATION_CODE, donation.organisationCode()));
        });
    }

    private void campaigns() {
        on(Events.CAMPAIGN_APPROVED, (event, campaign, store) -> {
            List<Document> approved = new ArrayList<>();
            campaign.approvedHouseholdsByCommune().forEach((unit, households) ->
                    approved.add(new Document(CampaignView.LINE_UNIT_CODE, unit).append(CampaignView.LINE_HOUSEHOLDS, households)));
            return accumulate(store, CampaignView.COLLECTION, campaign.campaignId(), new Document(CampaignView.NAME, campaign.name())
                    .append(CampaignView.OFFICE_UNIT_CODE, campaign.officeUnitCode())
                    .append(CampaignView.ORGANISATION_CODE, campaign.organisationCode())
                    .append(CampaignView.STARTS_ON, campaign.startsOn() == null ? null : campaign.startsOn().toString())
                    .append(CampaignView.ENDS_ON, campaign.endsOn() == null ? null : campaign.endsOn().toString())
                    .append(CampaignView.PER_HOUSEHOLD_MONEY, money(campaign.perHousehold()))
                    .append(CampaignView.PER_HOUSEHOLD_GOODS, goods(campaign.perHousehold()))
                    .append(CampaignView.APPROVED, approved)
                    .append(CampaignView.APPROVED_HOUSEHOLDS,
                            approved.stream().mapToLong(line -> line.getLong(CampaignView.LINE_HOUSEHOLDS)).sum())
                    .append(CampaignView.APPROVED_AT, date(event))
                    .append(CampaignView.PROGRAMME_ID, campaign.programmeId())
                    .append(CampaignView.ROUND, campaign.round())
                    .append(CampaignView.APPROVED_PERSONS, campaign.approvedPersons())
                    .append(CampaignView.CASH_APPROVED, campaign.total() == null ? null : money(campaign.total())));
        });
        on(Events.CAMPAIGN_LIST_MERGED, (event, merge, store) ->
                accumulate(store, ListMergeView.COLLECTION, merge.campaignId() + ":" + merge.householdId(),
                        new Document(ListMergeView.CAMPAIGN_ID, merge.campaignId()).append(ListMergeView.UNIT_CODE, merge.unitCode())));
        on(Events.CAMPAIGN_CLOSED, (event, closed, store) ->
                accumulate(store, CampaignView.COLLECTION, closed.campaignId(),
                        new Document(CampaignView.CLOSED_AT, date(event)).append(CampaignView.CLOSE_REASON, closed.reason())));
        // donation-service answers a reservation once; a replayed answer is the same answer.
        on(Events.RESERVATION_CONFIRMED, (event, answer, store) ->
                accumulate(store, ReservationAnswerView.COLLECTION, answer.campaignId(),
                        new Document(ReservationAnswerView.CONFIRMED, true)));
        on(Events.RESERVATION_REJECTED, (event, answer, store) ->
                accumulate(store, ReservationAnswerView.COLLECTION, answer.campaignId(),
                        new Document(ReservationAnswerView.CONFIRMED, false).append(ReservationAnswerView.REASON, answer.reason())));
        on(Events.DELIVERY_RECORDED, (event, delivery, store) -> {
            if (delivery.householdId() == null || delivery.campaignId() == null) {
                throw new InvalidEventException("Delivery event " + event.id() + " lacks campaign or household");
            }
            return accumulate(store, DeliveryView.COLLECTION, delivery.deliveryId(),
                    new Document(DeliveryView.CAMPAIGN_ID, delivery.campaignId())
                            .append(DeliveryView.HOUSEHOLD_ID, delivery.householdId())
                            .append(DeliveryView.UNIT_CODE, delivery.unitCode())
                            .append(DeliveryView.MONEY, money(delivery.delivered()))
                            .append(DeliveryView.GOODS, goods(delivery.delivered()))
                            .append(DeliveryView.PERSONS, delivery.persons())
                            .append(DeliveryView.DELIVERED_AT, date(event)));
        });
        // Each event carries the verification's whole state: the newest wins, a repeated one changes nothing.
        on(Events.VERIFICATION_UPDATED, (event, verification, store) -> {
            if (verification.campaignId() == null || verification.unitCode() == null) {
                throw new InvalidEventException("Verification event " + event.id() + " lacks its campaign or commune");
            }
            return versioned(store, VerificationView.COLLECTION, event, new Document(VerificationView.CAMPAIGN_ID, verification.campaignId())
                    .append(VerificationView.UNIT_CODE, verification.unitCode()).append(VerificationView.OUTCOME, verification.outcome())
                    .append(VerificationView.CASE_STATE, verification.caseState()));
        });
        // Each event carries the house's whole state: the newest wins, a repeated one changes nothing.
        on(Events.HOUSE_UPDATED, (event, house, store) -> {
            if (house.unitCode() == null || house.stage() == null || house.kind() == null) {
                throw new InvalidEventException("House event " + event.id() + " lacks its commune, kind or stage");
            }
            return versioned(store, HouseView.COLLECTION, event, new Document(HouseView.OFFICE_UNIT_CODE, house.officeUnitCode())
                    .append(HouseView.ORGANISATION_CODE, house.organisationCode()).append(HouseView.UNIT_CODE, house.unitCode())
                    .append(HouseView.KIND, house.kind()).append(HouseView.STAGE, house.stage())
                    .append(HouseView.ESTIMATED_COST, house.estimatedCost()).append(HouseView.COST, house.cost())
                    .append(HouseView.HANDED_OVER_ON, house.handedOverOn() == null ? null : house.handedOverOn().toString())
                    .append(HouseView.HANDED_OVER_YEAR, house.handedOverOn() == null ? null : house.handedOverOn().getYear()));
        });
        // A reversal may arrive before its delivery: the flag is kept and the delivery's fields join it.
        on(Events.DELIVERY_REVERTED, (event, reverted, store) ->
                accumulate(store, DeliveryView.COLLECTION, reverted.deliveryId(),
                        new Document(DeliveryView.CAMPAIGN_ID, reverted.campaignId()).append(DeliveryView.REVERTED, true)));
    }

    /**
     * Keeps, field by field, the value of the newest event of an aggregate that carried it: a late
     * registration still fills in the registration date a newer move did not carry, but cannot undo
     * the move. A repeated event changes nothing.
     */
    private static boolean versioned(ReadModelStore store, String collection, IncomingEvent event, Document fields) {
        Document stored = store.find(collection, event.subject());
        Document updated = stored == null ? new Document("_id", event.subject()) : stored;
        Document versions = updated.get(FIELD_VERSIONS) instanceof Document known ? known : new Document();
        boolean changed = false;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!(versions.get(field.getKey()) instanceof Number seen) || seen.longValue() < event.sequence()) {
                updated.put(field.getKey(), field.getValue());
                versions.put(field.getKey(), event.sequence());
                changed = true;
            }
        }
        if (!changed) {
            return false;
        }
        updated.put(FIELD_VERSIONS, versions);
        long newest = updated.get(VERSION) instanceof Number version ? Math.max(version.longValue(), event.sequence()) : event.sequence();
        updated.put(VERSION, newest);
        store.put(collection, updated);
        return true;
    }

    /** Sets fields that only ever describe one fact the same way: applying them again changes nothing. */
    private static boolean accumulate(ReadModelStore store, String collection, String id, Document fields) {
        return accumulate(store, collection, store.find(collection, id), id, fields);
    }

    private static boolean accumulate(ReadModelStore store, String collection, Document stored, String id, Document fields) {
        if (stored != null && stored.entrySet().containsAll(fields.entrySet())) {
            return false;
        }
        Document updated = stored == null ? new Document("_id", id) : stored;
        updated.putAll(fields);
        store.put(collection, updated);
        return true;
    }

    private static long money(Benefit benefit) {
        return benefit == null ? 0 : benefit.money().stream().mapToLong(Benefit.Money::amount).sum();
    }

    private static List<Document> goods(Benefit benefit) {
        if (benefit == null) {
            return List.of();
        }
        return benefit.goods().stream().map(line -> GoodsLines.line(line.item(), line.unit(), line.quantityThousandths(), 0)).toList();
    }

    private static long thousandths(BigDecimal quantity) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new InvalidEventException("Goods line without a positive quantity");
        }
        return quantity.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    private static Date date(IncomingEvent event) {
        return Date.from(event.time());
    }
}
