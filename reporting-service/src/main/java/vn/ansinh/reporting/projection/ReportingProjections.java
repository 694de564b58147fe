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
import vn.ansinh.events.donation.InKindDonationReceived;
import vn.ansinh.events.registry.NeedChanged;
import vn.ansinh.platform.events.IncomingEvent;
import vn.ansinh.platform.events.InvalidEventException;
import vn.ansinh.platform.text.VietnameseNames;

/**
 * What each event changes in the read models. The same code serves the live consumers and the
 * rebuild, so a rebuilt read model is the live one by construction.
 *
 * <p>Every change is safe to apply twice and in any order, in one of three ways: a document of an
 * aggregate with a version (households, needs) keeps each field from the newest event carrying it; a fund keeps the
 * totals of its highest ledger entry; a fact that only accumulates fields (a donation, a campaign,
 * a delivery and its reversal) sets fields that never contradict each other.
 */
@Component
public class ReportingProjections {

    private static final String VERSION = "version";
    /** Per field, the sequence of the event that set it. */
    private static final String FIELD_VERSIONS = "fieldVersions";

    private interface Handler<T> {
        boolean apply(IncomingEvent event, T payload, ReadModelStore store);
    }

    private record Typed<T>(Class<T> payloadType, Handler<T> handler) {
        boolean apply(IncomingEvent event, JsonMapper json, ReadModelStore store) {
            return handler.apply(event, event.payloadAs(json, payloadType), store);
        }
    }

    private final JsonMapper json;
    private final Map<String, Typed<?>> byType = new HashMap<>();

    public ReportingProjections(JsonMapper json) {
        this.json = json;
        households();
        needs();
        funds();
        donations();
        campaigns();
    }

    /** @return true if a read model changed; unknown event types change nothing */
    public boolean apply(IncomingEvent event, ReadModelStore store) {
        Typed<?> typed = byType.get(event.type());
        return typed != null && typed.apply(event, json, store);
    }

    private <T> void on(EventType<T> type, Handler<T> handler) {
        byType.put(type.name(), new Typed<>(type.payload(), handler));
    }

    private void households() {
        on(Events.HOUSEHOLD_REGISTERED, (event, household, store) -> {
            if (household.unitCode() == null || household.categories() == null || household.registeredAt() == null) {
                throw new InvalidEventException("Household event " + event.id() + " lacks unit, categories or time");
            }
            return versioned(store, ReadModels.HOUSEHOLDS, event, new Document("unitCode", household.unitCode())
                    .append("hamlet", household.hamlet()).append("categories", household.categories())
                    .append("povertyStatus", household.povertyStatus()).append("memberCount", household.memberCount())
                    .append("active", true).append("registeredAt", Date.from(household.registeredAt())));
        });
        on(Events.HOUSEHOLD_POVERTY_STATUS_CHANGED, (event, change, store) ->
                versioned(store, ReadModels.HOUSEHOLDS, event, new Document("unitCode", change.unitCode())
                        .append("categories", change.categories()).append("povertyStatus", change.povertyStatus())));
        on(Events.HOUSEHOLD_UPDATED, (event, update, store) -> {
            Document fields = new Document("unitCode", update.unitCode()).append("categories", update.categories())
                    .append("povertyStatus", update.povertyStatus()).append("memberCount", update.memberCount());
            if (update.hamlet() != null) {
                fields.append("hamlet", update.hamlet());
            }
            return versioned(store, ReadModels.HOUSEHOLDS, event, fields);
        });
        on(Events.HOUSEHOLD_MOVED, (event, move, store) ->
                versioned(store, ReadModels.HOUSEHOLDS, event, new Document("unitCode", move.unitCode())
                        .append("hamlet", move.hamlet()).append("categories", move.categories())
                        .append("povertyStatus", move.povertyStatus())));
        on(Events.HOUSEHOLD_DEACTIVATED, (event, deactivation, store) ->
                versioned(store, ReadModels.HOUSEHOLDS, event, new Document("unitCode", deactivation.unitCode())
                        .append("active", false)));
        // A duplicate merged into another household is no longer counted anywhere.
        on(Events.HOUSEHOLD_MERGED, (event, merge, store) ->
                versioned(store, ReadModels.HOUSEHOLDS, event, new Document("unitCode", merge.unitCode())
                        .append("active", false).append("mergedInto", merge.mergedInto())));
    }

    private void needs() {
        Handler<NeedChanged> need = (event, change, store) -> {
            if (change.unitCode() == null || change.state() == null) {
                throw new InvalidEventException("Need event " + event.id() + " lacks unit or state");
            }
            return versioned(store, ReadModels.NEEDS, event, new Document("unitCode", change.unitCode())
                    .append("kinds", change.kinds()).append("state", change.state())
                    .append("householdId", change.householdId()).append("at", date(event)));
        };
        for (EventType<NeedChanged> type : List.of(Events.NEED_SUBMITTED, Events.NEED_VERIFIED, Events.NEED_APPROVED,
                Events.NEED_REJECTED)) {
            on(type, need);
        }
    }

    private void funds() {
        on(Events.FUND_OPENED, (event, fund, store) ->
                accumulate(store, ReadModels.FUNDS, fund.fundId(), new Document("name", fund.name())
                        .append("officeUnitCode", fund.officeUnitCode()).append("purpose", fund.purpose())));
        // Entries carry the totals after them: keep those of the highest entry seen.
        on(Events.FUND_ENTRY_RECORDED, (event, entry, store) -> {
            Document fund = store.find(ReadModels.FUNDS, entry.fundId());
            if (fund != null && fund.get("entrySeq") instanceof Number seen && seen.longValue() >= entry.seq()) {
                return false;
            }
            Document updated = fund == null ? new Document("_id", entry.fundId()) : fund;
            updated.append("officeUnitCode", entry.officeUnitCode()).append("entrySeq", entry.seq())
                    .append("received", entry.receivedTotal()).append("reserved", entry.reservedTotal())
                    .append("spent", entry.spentTotal()).append("lastEntryAt", Date.from(entry.at()));
            store.put(ReadModels.FUNDS, updated);
            return true;
        });
    }

    private void donations() {
        on(Events.CASH_DONATION_RECEIVED, (event, donation, store) -> {
            if (donation.amount() <= 0 || donation.officeUnitCode() == null) {
                throw new InvalidEventException("Donation event " + event.id() + " has no office or no amount");
            }
            return accumulate(store, ReadModels.CASH_DONATIONS, donation.donationId(), new Document("fundId", donation.fundId())
                    .append("officeUnitCode", donation.officeUnitCode()).append("amount", donation.amount())
                    .append("channel", donation.channel()).append("receivedAt", Date.from(donation.receivedAt())));
        });
        on(Events.IN_KIND_DONATION_RECEIVED, (event, donation, store) -> {
            if (donation.officeUnitCode() == null || donation.items() == null || donation.items().isEmpty()) {
                throw new InvalidEventException("Goods event " + event.id() + " has no office or no items");
            }
            List<Document> items = new ArrayList<>();
            for (InKindDonationReceived.Item item : donation.items()) {
                items.add(goods(item.item(), item.unit(), thousandths(item.quantity()), item.estimatedValue()));
            }
            return accumulate(store, ReadModels.IN_KIND_DONATIONS, donation.donationId(),
                    new Document("officeUnitCode", donation.officeUnitCode()).append("items", items)
                            .append("value", items.stream().mapToLong(line -> line.getLong("value")).sum())
                            .append("receivedAt", Date.from(donation.receivedAt())));
        });
    }

    private void campaigns() {
        on(Events.CAMPAIGN_APPROVED, (event, campaign, store) -> {
            List<Document> approved = new ArrayList<>();
            campaign.approvedHouseholdsByCommune().forEach((unit, households) ->
                    approved.add(new Document("unitCode", unit).append("households", households)));
            return accumulate(store, ReadModels.CAMPAIGNS, campaign.campaignId(), new Document("name", campaign.name())
                    .append("officeUnitCode", campaign.officeUnitCode())
                    .append("startsOn", campaign.startsOn() == null ? null : campaign.startsOn().toString())
                    .append("endsOn", campaign.endsOn() == null ? null : campaign.endsOn().toString())
                    .append("perHouseholdMoney", money(campaign.perHousehold()))
                    .append("perHouseholdGoods", goods(campaign.perHousehold()))
                    .append("approved", approved)
                    .append("approvedHouseholds", approved.stream().mapToLong(line -> line.getLong("households")).sum())
                    .append("approvedAt", date(event)));
        });
        on(Events.CAMPAIGN_LIST_MERGED, (event, merge, store) ->
                accumulate(store, ReadModels.LIST_MERGES, merge.campaignId() + ":" + merge.householdId(),
                        new Document("campaignId", merge.campaignId()).append("unitCode", merge.unitCode())));
        on(Events.CAMPAIGN_CLOSED, (event, closed, store) ->
                accumulate(store, ReadModels.CAMPAIGNS, closed.campaignId(),
                        new Document("closedAt", date(event)).append("closeReason", closed.reason())));
        // donation-service answers a reservation once; a replayed answer is the same answer.
        on(Events.RESERVATION_CONFIRMED, (event, answer, store) ->
                accumulate(store, ReadModels.RESERVATION_ANSWERS, answer.campaignId(), new Document("confirmed", true)));
        on(Events.RESERVATION_REJECTED, (event, answer, store) ->
                accumulate(store, ReadModels.RESERVATION_ANSWERS, answer.campaignId(), new Document("confirmed", false)
                        .append("reason", answer.reason())));
        on(Events.DELIVERY_RECORDED, (event, delivery, store) -> {
            if (delivery.householdId() == null || delivery.campaignId() == null) {
                throw new InvalidEventException("Delivery event " + event.id() + " lacks campaign or household");
            }
            return accumulate(store, ReadModels.DELIVERIES, delivery.deliveryId(), new Document("campaignId", delivery.campaignId())
                    .append("householdId", delivery.householdId()).append("unitCode", delivery.unitCode())
                    .append("money", money(delivery.delivered())).append("goods", goods(delivery.delivered()))
                    .append("deliveredAt", date(event)));
        });
        // A reversal may arrive before its delivery: the flag is kept and the delivery's fields join it.
        on(Events.DELIVERY_REVERTED, (event, reverted, store) ->
                accumulate(store, ReadModels.DELIVERIES, reverted.deliveryId(), new Document("campaignId", reverted.campaignId())
                        .append("reverted", true)));
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
        Document stored = store.find(collection, id);
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
        return benefit.goods().stream().map(line -> goods(line.item(), line.unit(), line.quantityThousandths(), 0)).toList();
    }

    /** A line of goods, keyed like donation-service's stock items: "Gạo", "gạo " and "Gao" in kg are one item. */
    static Document goods(String item, String unit, long quantityThousandths, long value) {
        String key = VietnameseNames.searchKey(item == null ? "" : item) + "|" + VietnameseNames.searchKey(unit == null ? "" : unit);
        return new Document("key", key).append("item", item == null ? "" : item.strip()).append("unit", unit)
                .append("quantityThousandths", quantityThousandths).append("value", value);
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
