package vn.ansinh.donation.trace;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.donor.Donor;
import vn.ansinh.donation.donor.DonorService;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.reservation.CampaignNames;
import vn.ansinh.donation.reservation.DeliveryPlaces;
import vn.ansinh.donation.stock.Quantities;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;

/**
 * A gift's trace by its receipt number: the accounts it went into brought up to date ({@link Attribution}),
 * then its shares added up by campaign and commune. A household counts once per campaign however many
 * of its gifts' parts reached it, and not at all if its delivery was reverted.
 */
@Service
public class GiftTraces {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoTemplate mongo;
    private final Attribution attribution;
    private final DonorService donors;
    private final CampaignNames campaigns;
    private final DeliveryPlaces places;
    private final AdminUnitDirectory units;
    private final Clock clock;

    GiftTraces(MongoTemplate mongo, Attribution attribution, DonorService donors, CampaignNames campaigns, DeliveryPlaces places,
               AdminUnitDirectory units, Clock clock) {
        this.mongo = mongo;
        this.attribution = attribution;
        this.donors = donors;
        this.campaigns = campaigns;
        this.places = places;
        this.units = units;
        this.clock = clock;
    }

    /** @throws Refusal not found when no gift carries this receipt number */
    GiftTrace trace(String receiptNumber) {
        List<LedgerEntry> received = mongo.find(Query.query(Criteria.where("receiptNumber").is(receiptNumber)
                .and("kind").is(EntryKind.RECEIVED)).with(Sort.by("accountId")), LedgerEntry.class);
        if (received.isEmpty()) {
            throw Refusal.notFound("gift", receiptNumber);
        }
        LedgerEntry first = received.get(0);
        received.forEach(entry -> attribution.catchUp(entry.getAccountId()));
        List<GiftShare> shares = mongo.find(Query.query(Criteria.where("donationId").is(first.getDonationId())), GiftShare.class);
        Map<String, CampaignNames.Named> names = campaigns.of(shares.stream().map(GiftShare::campaignId).filter(Objects::nonNull)
                .distinct().toList());
        Map<String, String> communes = places.communesOf(shares.stream().map(GiftShare::deliveryId).filter(Objects::nonNull).toList());
        List<GiftTrace.Part> parts = new ArrayList<>();
        for (LedgerEntry entry : received) {
            List<GiftShare> ofAccount = shares.stream().filter(share -> share.accountId().equals(entry.getAccountId())
                    && share.receivedSeq() == entry.getSeq()).toList();
            parts.add(partOf(entry, ofAccount, names, communes));
        }
        Donor donor = first.getDonorId() == null ? null : donors.byIds(List.of(first.getDonorId())).get(first.getDonorId());
        return new GiftTrace(receiptNumber, first.getAt().atZone(VIETNAM).toLocalDate(), Donor.publicNameOf(donor),
                first.getOfficeUnitCode(), nameOf(first.getOfficeUnitCode()), parts, clock.instant());
    }

    private GiftTrace.Part partOf(LedgerEntry received, List<GiftShare> shares, Map<String, CampaignNames.Named> names,
                                  Map<String, String> communes) {
        boolean money = received.getAccountType() == Account.AccountType.FUND;
        // A delivery's net share: what it took less what its revert gave back. Reverted deliveries net to zero.
        Map<String, Long> byDelivery = new LinkedHashMap<>();
        Map<String, GiftShare> firstOfDelivery = new LinkedHashMap<>();
        List<GiftTrace.DirectPayment> direct = new ArrayList<>();
        long spent = 0;
        for (GiftShare share : shares.stream().sorted(Comparator.comparingLong(GiftShare::entrySeq)).toList()) {
            spent += share.amount();
            if (share.deliveryId() != null) {
                byDelivery.merge(share.deliveryId(), share.amount(), Long::sum);
                firstOfDelivery.putIfAbsent(share.deliveryId(), share);
            } else if (share.campaignId() == null) {
                direct.add(new GiftTrace.DirectPayment(share.at().atZone(VIETNAM).toLocalDate(),
                        LedgerEntry.publicDescriptionOf(share.publicDescription(), null),
                        money ? share.amount() : null, money ? null : quantity(share.amount())));
            }
        }
        Map<String, List<String>> deliveriesByCampaign = new TreeMap<>();
        byDelivery.forEach((delivery, amount) -> {
            if (amount > 0) {
                deliveriesByCampaign.computeIfAbsent(firstOfDelivery.get(delivery).campaignId(), c -> new ArrayList<>()).add(delivery);
            }
        });
        List<GiftTrace.CampaignReach> reached = new ArrayList<>();
        deliveriesByCampaign.forEach((campaignId, deliveries) -> {
            long amount = 0;
            LocalDate firstOn = null;
            LocalDate lastOn = null;
            Map<String, long[]> byCommune = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
            for (String delivery : deliveries) {
                long share = byDelivery.get(delivery);
                amount += share;
                LocalDate on = firstOfDelivery.get(delivery).at().atZone(VIETNAM).toLocalDate();
                firstOn = firstOn == null || on.isBefore(firstOn) ? on : firstOn;
                lastOn = lastOn == null || on.isAfter(lastOn) ? on : lastOn;
                long[] commune = byCommune.computeIfAbsent(communes.get(delivery), c -> new long[2]);
                commune[0] += share;
                commune[1]++;
            }
            List<GiftTrace.CommuneReach> inCommunes = new ArrayList<>();
            byCommune.forEach((unit, figures) -> inCommunes.add(new GiftTrace.CommuneReach(unit, unit == null ? null : nameOf(unit),
                    money ? figures[0] : null, money ? null : quantity(figures[0]), (int) figures[1])));
            CampaignNames.Named named = names.get(campaignId);
            reached.add(new GiftTrace.CampaignReach(campaignId, named == null ? null : named.name(), money ? amount : null,
                    money ? null : quantity(amount), deliveries.size(), firstOn, lastOn, inCommunes));
        });
        long remaining = received.getAmount() - spent;
        Fund fund = money ? mongo.findById(received.getAccountId(), Fund.class) : null;
        return new GiftTrace.Part(money ? received.getAccountId() : null, fund == null ? null : fund.getName(),
                money ? null : received.getItem(), money ? "VND" : received.getUnit(),
                money ? received.getAmount() : null, money ? null : quantity(received.getAmount()),
                reached, direct, money ? remaining : null, money ? null : quantity(remaining));
    }

    private static BigDecimal quantity(long thousandths) {
        return Quantities.fromThousandths(thousandths);
    }

    private String nameOf(String unitCode) {
        return units.find(unitCode).map(AdminUnitDirectory.Unit::name).orElse(null);
    }

    /** Every share of an account, for reconciling it with the ledger (tests, and an auditor's check). */
    long sharesOf(String accountId) {
        attribution.catchUp(accountId);
        return mongo.find(Query.query(Criteria.where("accountId").is(accountId)), GiftShare.class).stream()
                .mapToLong(GiftShare::amount).sum();
    }
}
