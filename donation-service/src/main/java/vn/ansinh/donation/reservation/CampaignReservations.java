package vn.ansinh.donation.reservation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.donation.stock.StockItem;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocuments;
import vn.ansinh.platform.web.ProblemDetailsAdvice;
import vn.ansinh.platform.web.ProblemFactory;

/**
 * donation-service's part in a campaign's saga, safe in any order the campaign's events arrive and
 * when they arrive twice.
 * <ul>
 *   <li><b>Reserve</b> every fund amount and stock quantity the request names, all or nothing, and only
 *       out of funds and stock of the campaign's office or of units below it (the request is not
 *       trusted). A line that cannot be reserved releases the others and rejects the campaign with the
 *       reason; contention on a ledger is not a reason: it propagates, and the binder delivers the
 *       request again (lines already reserved are found by their keys).</li>
 *   <li><b>Spend</b> each delivery out of the campaign's own share of each account — never out of another
 *       campaign's, never out of what a close released; a delivery that cannot be spent whole is
 *       refused and spends nothing.</li>
 *   <li><b>Close</b> gives back what the campaign still holds, but only once every delivery and revert
 *       the close counted has been dealt with (events of one campaign can reach the broker out of order
 *       when one waited in an outbox); a close whose deliveries never come is carried out after a grace
 *       period, and anything arriving later is refused.</li>
 * </ul>
 */
@Service
class CampaignReservations {

    private static final Logger log = LoggerFactory.getLogger(CampaignReservations.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MongoTemplate mongo;
    private final Ledger ledger;
    private final AdminUnitDirectory units;
    private final OutboxDocuments outbox;
    private final ProblemFactory problems;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration closeGrace;

    CampaignReservations(MongoTemplate mongo, Ledger ledger, AdminUnitDirectory units, OutboxDocuments outbox,
                         ProblemFactory problems, MeterRegistry meters, Clock clock,
                         @Value("${ansinh.donation.close-grace:PT10M}") Duration closeGrace) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.units = units;
        this.outbox = outbox;
        this.problems = problems;
        this.meters = meters;
        this.clock = clock;
        this.closeGrace = closeGrace;
    }

    private record Line(Account account, long amount) {
    }

    public void reserve(CampaignReservationRequested request) {
        String campaignId = request.campaignId();
        if (mongo.findById(campaignId, CampaignReservation.class) != null) {
            return; // answered already (the answer is published from its outbox), or closed before it came
        }
        List<Line> reserved = new ArrayList<>();
        try {
            for (Line line : linesOf(request.needed(), request.officeUnitCode())) {
                ledger.record(line.account(), Movement.reserved(campaignId, line.account().id(), line.amount(),
                        "Giữ cho đợt " + campaignId));
                reserved.add(line);
            }
        } catch (Refusal refused) {
            for (Line line : reserved) {
                ledger.record(line.account(), Movement.released(campaignId, line.account().id(), line.amount()));
            }
            String detail = problems.create(ProblemDetailsAdvice.statusOf(refused.kind()), refused.code(), VIETNAMESE,
                    refused.arguments()).getDetail();
            answer(campaignId, CampaignReservation.State.REJECTED, refused.code(), detail);
            return;
        }
        answer(campaignId, CampaignReservation.State.CONFIRMED, null, null);
    }

    /** The campaign closed: noted at once, carried out once the deliveries it counted are all dealt with. */
    public void close(CampaignClosed closed) {
        String campaignId = closed.campaignId();
        CampaignReservation reservation = mongo.findById(campaignId, CampaignReservation.class);
        Update close = new Update().set("closeRequestedAt", clock.instant()).set("closeReason", closed.reason())
                .set("deliveriesBeforeClose", closed.deliveriesRecorded()).set("revertsBeforeClose", closed.deliveriesReverted());
        if (reservation == null) {
            try {
                mongo.insert(new CampaignReservation(campaignId, null, null, null, null));
            } catch (DuplicateKeyException answeredMeanwhile) {
                // the request was answered meanwhile: note the close on that answer
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(campaignId).and("closeRequestedAt").is(null)), close,
                CampaignReservation.class);
        finishCloseIfDue(campaignId, false);
    }

    /** Spends the delivered money and goods out of the campaign's own reservation, whole or not at all. */
    public void spend(DeliveryRecorded delivery) {
        String deliveryId = delivery.deliveryId();
        if (outcome(DeliveryOutcome.Kind.SPEND, deliveryId) != null) {
            return; // delivered twice
        }
        DeliveryOutcome revert = outcome(DeliveryOutcome.Kind.RETURN, deliveryId);
        if (revert != null) {
            note(delivery.campaignId(), deliveryId, DeliveryOutcome.Kind.SPEND, DeliveryOutcome.Outcome.CANCELLED_BY_REVERT, null);
            finishCloseIfDue(delivery.campaignId(), false);
            return;
        }
        List<Line> spent = new ArrayList<>();
        try {
            for (Line line : linesOf(delivery.delivered(), null)) {
                ledger.record(line.account(), Movement.spentOnDelivery(delivery.campaignId(), deliveryId,
                        line.account().id(), line.amount(), "Cấp phát đợt " + delivery.campaignId()));
                spent.add(line);
            }
            note(delivery.campaignId(), deliveryId, DeliveryOutcome.Kind.SPEND, DeliveryOutcome.Outcome.SPENT, null, delivery.unitCode());
        } catch (Refusal refused) {
            for (Line line : spent) {
                ledger.record(line.account(), Movement.undoneSpend(delivery.campaignId(), deliveryId, line.account().id(),
                        line.amount(), refused.code()));
            }
            meters.counter("ansinh.deliveries.refused", "reason", refused.code()).increment();
            log.warn("Delivery {} of campaign {} was not spent: {}", deliveryId, delivery.campaignId(), refused.code());
            note(delivery.campaignId(), deliveryId, DeliveryOutcome.Kind.SPEND, DeliveryOutcome.Outcome.REFUSED, refused.code());
        }
        finishCloseIfDue(delivery.campaignId(), false);
    }

    /** A delivery was reverted: what it spent goes back into the campaign's reservation (once). */
    public void giveBack(DeliveryReverted reverted) {
        String deliveryId = reverted.deliveryId();
        String campaignId = reverted.campaignId();
        if (outcome(DeliveryOutcome.Kind.RETURN, deliveryId) != null) {
            return;
        }
        DeliveryOutcome spend = outcome(DeliveryOutcome.Kind.SPEND, deliveryId);
        if (spend == null) {
            note(campaignId, deliveryId, DeliveryOutcome.Kind.RETURN, DeliveryOutcome.Outcome.REVERTED_BEFORE_SPEND, reverted.reason());
        } else if (spend.getOutcome() != DeliveryOutcome.Outcome.SPENT) {
            note(campaignId, deliveryId, DeliveryOutcome.Kind.RETURN, DeliveryOutcome.Outcome.NOTHING_TO_RETURN, reverted.reason());
        } else {
            CampaignReservation reservation = mongo.findById(campaignId, CampaignReservation.class);
            boolean closedAlready = reservation != null && reservation.isClosed();
            for (Line line : linesOf(reverted.delivered(), null)) {
                ledger.record(line.account(), Movement.returnedFromDelivery(campaignId, deliveryId, line.account().id(),
                        line.amount(), reverted.reason()));
                if (closedAlready) {
                    ledger.record(line.account(), Movement.releasedAfterClose(campaignId, deliveryId, line.account().id(),
                            line.amount()));
                }
            }
            note(campaignId, deliveryId, DeliveryOutcome.Kind.RETURN, DeliveryOutcome.Outcome.RETURNED, reverted.reason());
        }
        finishCloseIfDue(campaignId, false);
    }

    /** Closes whose deliveries never all came (a delivery lost to a crash before it was saved) are carried out after the grace period. */
    @Scheduled(fixedDelayString = "${ansinh.donation.close-grace-check:PT1M}")
    void finishOverdueCloses() {
        Query overdue = Query.query(Criteria.where("closeRequestedAt").lt(clock.instant().minus(closeGrace))
                .and("state").ne(CampaignReservation.State.CLOSED));
        for (CampaignReservation reservation : mongo.find(overdue, CampaignReservation.class)) {
            log.warn("Campaign {} closed {} ago without all the deliveries it counted; giving back what it holds now",
                    reservation.getCampaignId(), closeGrace);
            finishCloseIfDue(reservation.getCampaignId(), true);
        }
    }

    /**
     * Gives back, account by account, what the campaign still holds — once every delivery and revert the
     * close counted has been dealt with, or when {@code overdue}.
     */
    private void finishCloseIfDue(String campaignId, boolean overdue) {
        CampaignReservation reservation = mongo.findById(campaignId, CampaignReservation.class);
        if (reservation == null || reservation.getCloseRequestedAt() == null || reservation.isClosed()) {
            return;
        }
        if (!overdue && reservation.getDeliveriesBeforeClose() != null) {
            long spends = countOutcomes(campaignId, DeliveryOutcome.Kind.SPEND);
            long returns = countOutcomes(campaignId, DeliveryOutcome.Kind.RETURN);
            long revertsExpected = reservation.getRevertsBeforeClose() == null ? 0 : reservation.getRevertsBeforeClose();
            if (spends < reservation.getDeliveriesBeforeClose() || returns < revertsExpected) {
                return; // a delivery recorded before the close is still on its way
            }
        }
        Query reservations = Query.query(Criteria.where("campaignId").is(campaignId).and("kind").is(EntryKind.RESERVED));
        for (LedgerEntry reservedEntry : mongo.find(reservations, LedgerEntry.class)) {
            long held = ledger.shareOf(accountOf(reservedEntry), campaignId).reserved();
            if (held > 0) {
                ledger.record(accountOf(reservedEntry), Movement.released(campaignId, reservedEntry.getAccountId(), held));
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(campaignId)),
                new Update().set("state", CampaignReservation.State.CLOSED).set("closedAt", clock.instant()),
                CampaignReservation.class);
        log.info("Campaign {} closed: what it held is given back", campaignId);
    }

    private long countOutcomes(String campaignId, DeliveryOutcome.Kind kind) {
        return mongo.count(Query.query(Criteria.where("campaignId").is(campaignId).and("kind").is(kind)), DeliveryOutcome.class);
    }

    private DeliveryOutcome outcome(DeliveryOutcome.Kind kind, String deliveryId) {
        return mongo.findById(DeliveryOutcome.idOf(kind, deliveryId), DeliveryOutcome.class);
    }

    private void note(String campaignId, String deliveryId, DeliveryOutcome.Kind kind, DeliveryOutcome.Outcome outcome,
                      String reason) {
        note(campaignId, deliveryId, kind, outcome, reason, null);
    }

    private void note(String campaignId, String deliveryId, DeliveryOutcome.Kind kind, DeliveryOutcome.Outcome outcome,
                      String reason, String unitCode) {
        try {
            mongo.insert(new DeliveryOutcome(campaignId, deliveryId, kind, outcome, reason, unitCode, clock.instant()));
        } catch (DuplicateKeyException notedMeanwhile) {
            // the same event, handled by another consumer during a rebalance: its outcome stands
        }
    }

    /**
     * The accounts a benefit draws on, each once (two lines of one item are one stock account: their
     * quantities add up). With {@code officeUnitCode}, each account must belong to that office or a unit
     * below it.
     */
    private List<Line> linesOf(Benefit benefit, String officeUnitCode) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (Benefit.Money money : benefit.money()) {
            Fund fund = mongo.findById(money.fundId(), Fund.class);
            if (fund == null) {
                throw Refusal.conflict("unknown-fund", money.fundId());
            }
            if (officeUnitCode != null && !units.isWithin(fund.getOfficeUnitCode(), officeUnitCode)) {
                throw Refusal.unprocessable("fund-not-usable", money.fundId());
            }
            add(lines, fund.account(), money.amount());
        }
        for (Benefit.Goods goods : benefit.goods()) {
            if (officeUnitCode != null && !units.isWithin(goods.officeUnitCode(), officeUnitCode)) {
                throw Refusal.unprocessable("stock-not-usable", goods.item(), goods.officeUnitCode());
            }
            StockItem item = mongo.findById(StockItem.idOf(goods.officeUnitCode(), goods.organisationCode(), goods.item(), goods.unit()), StockItem.class);
            if (item == null) {
                throw Refusal.conflict("unknown-stock", goods.item(), goods.unit(), goods.officeUnitCode());
            }
            add(lines, item.account(), goods.quantityThousandths());
        }
        return List.copyOf(lines.values());
    }

    private static void add(Map<String, Line> lines, Account account, long amount) {
        lines.merge(account.id(), new Line(account, amount), (one, other) -> new Line(account, one.amount() + other.amount()));
    }

    private static Account accountOf(LedgerEntry entry) {
        return entry.getAccountType() == Account.AccountType.FUND
                ? Account.fund(entry.getAccountId(), entry.getOfficeUnitCode(), entry.getAccountId())
                : Account.stock(entry.getAccountId(), entry.getOfficeUnitCode(), entry.getItem(), entry.getUnit());
    }

    private void answer(String campaignId, CampaignReservation.State state, String reason, String detail) {
        CampaignReservation answer = new CampaignReservation(campaignId, state, reason, detail, clock.instant());
        try {
            outbox.insert(answer);
            log.info("Reservation for campaign {}: {} {}", campaignId, state, reason == null ? "" : reason);
        } catch (DuplicateKeyException answeredMeanwhile) {
            log.debug("Campaign {} was answered by a redelivery of its request", campaignId);
        }
    }
}
