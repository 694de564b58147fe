package vn.ansinh.donation.reservation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.ledger.Movement;
import vn.ansinh.donation.stock.StockItem;
import vn.ansinh.events.EventTypes;
import vn.ansinh.events.Topics;
import vn.ansinh.events.distribution.Benefit;
import vn.ansinh.events.distribution.CampaignClosed;
import vn.ansinh.events.distribution.CampaignReservationRequested;
import vn.ansinh.events.distribution.DeliveryRecorded;
import vn.ansinh.events.distribution.DeliveryReverted;
import vn.ansinh.events.donation.ReservationAnswered;
import vn.ansinh.platform.events.EventFactory;
import vn.ansinh.platform.events.OutboxRelay;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.ProblemFactory;

/**
 * donation-service's part in a campaign's saga. A request reserves every fund amount and stock
 * quantity it names, all or nothing: when one line cannot be reserved, the lines already reserved
 * are released again and the answer is a rejection with the reason. Deliveries spend out of the
 * reservation; closing gives back what was not delivered. Every step is a ledger operation with its
 * own key, so an event delivered twice (or a request replayed after a crash) changes nothing more.
 */
@Service
public class CampaignReservations {

    private static final Logger log = LoggerFactory.getLogger(CampaignReservations.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MongoTemplate mongo;
    private final Ledger ledger;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final ProblemFactory problems;
    private final Clock clock;

    CampaignReservations(MongoTemplate mongo, Ledger ledger, EventFactory events, OutboxRelay relay, ProblemFactory problems,
                         Clock clock) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.events = events;
        this.relay = relay;
        this.problems = problems;
        this.clock = clock;
    }

    private record Line(Account account, long amount) {
    }

    public void reserve(CampaignReservationRequested request) {
        String campaignId = request.campaignId();
        if (mongo.findById(campaignId, CampaignReservation.class) != null) {
            return; // answered already: the answer is published (or about to be) from its outbox
        }
        List<Line> reserved = new ArrayList<>();
        try {
            for (Line line : linesOf(request.needed())) {
                ledger.record(line.account(), Movement.reserved(campaignId, line.account().id(), line.amount(),
                        "Giữ cho đợt " + campaignId));
                reserved.add(line);
            }
        } catch (ApiException refused) {
            for (Line line : reserved) {
                ledger.record(line.account(), Movement.released(campaignId, line.account().id(), line.amount()));
            }
            String detail = problems.create(refused.status(), refused.code(), VIETNAMESE, refused.arguments()).getDetail();
            answer(campaignId, CampaignReservation.State.REJECTED, refused.code(), detail);
            return;
        }
        answer(campaignId, CampaignReservation.State.CONFIRMED, null, null);
    }

    /** Gives back, account by account, what the campaign reserved and neither spent nor released. */
    public void close(CampaignClosed closed) {
        String campaignId = closed.campaignId();
        Map<String, Long> remaining = new LinkedHashMap<>();
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (LedgerEntry entry : ledger.entriesOfCampaign(campaignId)) {
            long change = switch (entry.getKind()) {
                case RESERVED -> entry.getAmount();
                case RELEASED -> -entry.getAmount();
                case SPENT -> entry.isFromReservation() ? -entry.getAmount() : 0;
                case RETURNED -> entry.getAmount();
                case RECEIVED -> 0;
            };
            remaining.merge(entry.getAccountId(), change, Long::sum);
            accounts.putIfAbsent(entry.getAccountId(), accountOf(entry));
        }
        remaining.forEach((accountId, amount) -> {
            if (amount > 0) {
                ledger.record(accounts.get(accountId), Movement.released(campaignId, accountId, amount));
            }
        });
        mongo.updateFirst(Query.query(Criteria.where("_id").is(campaignId)),
                new Update().set("state", CampaignReservation.State.CLOSED).set("closedAt", clock.instant()),
                CampaignReservation.class);
    }

    /** Spends the delivered money and goods out of the campaign's reservation. */
    public void spend(DeliveryRecorded delivery) {
        for (Line line : linesOf(delivery.delivered())) {
            ledger.record(line.account(), Movement.spentOnDelivery(delivery.campaignId(), delivery.deliveryId(),
                    line.account().id(), line.amount(), "Cấp phát đợt " + delivery.campaignId()));
        }
    }

    /** A delivery was reverted: its share goes back into the campaign's reservation (once). */
    public void giveBack(DeliveryReverted reverted) {
        for (Line line : linesOf(reverted.delivered())) {
            ledger.record(line.account(), Movement.returnedFromDelivery(reverted.campaignId(), reverted.deliveryId(),
                    line.account().id(), line.amount(), reverted.reason()));
        }
    }

    private List<Line> linesOf(Benefit benefit) {
        List<Line> lines = new ArrayList<>();
        for (Benefit.Money money : benefit.money()) {
            Fund fund = mongo.findById(money.fundId(), Fund.class);
            if (fund == null) {
                throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "unknown-fund", money.fundId());
            }
            lines.add(new Line(fund.account(), money.amount()));
        }
        for (Benefit.Goods goods : benefit.goods()) {
            StockItem item = mongo.findById(StockItem.idOf(goods.officeUnitCode(), goods.item(), goods.unit()), StockItem.class);
            if (item == null) {
                throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "unknown-stock", goods.item(), goods.unit(),
                        goods.officeUnitCode());
            }
            lines.add(new Line(item.account(), goods.quantityThousandths()));
        }
        return lines;
    }

    private static Account accountOf(LedgerEntry entry) {
        return entry.getAccountType() == Account.AccountType.FUND
                ? Account.fund(entry.getAccountId(), entry.getOfficeUnitCode(), entry.getAccountId())
                : Account.stock(entry.getAccountId(), entry.getOfficeUnitCode(), entry.getItem(), entry.getUnit());
    }

    private void answer(String campaignId, CampaignReservation.State state, String reason, String detail) {
        CampaignReservation answer = new CampaignReservation(campaignId, state, reason, detail, clock.instant());
        answer.recordEvent(events.create(Topics.RESERVATIONS, state == CampaignReservation.State.CONFIRMED
                        ? EventTypes.RESERVATION_CONFIRMED : EventTypes.RESERVATION_REJECTED, campaignId, 0,
                new ReservationAnswered(campaignId, reason, detail)));
        try {
            CampaignReservation saved = mongo.insert(answer);
            relay.saved("campaign_reservations", saved.getCampaignId(), saved.pendingEvents());
            log.info("Reservation for campaign {}: {} {}", campaignId, state, reason == null ? "" : reason);
        } catch (DuplicateKeyException answeredMeanwhile) {
            log.debug("Campaign {} was answered by a redelivery of its request", campaignId);
        }
    }
}
