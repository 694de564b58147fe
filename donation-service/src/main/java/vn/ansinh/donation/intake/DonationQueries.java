package vn.ansinh.donation.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.donor.Donor;
import vn.ansinh.donation.donor.DonorService;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.fund.FundService;
import vn.ansinh.donation.ledger.Account;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.text.VietnameseAmountInWords;
import vn.ansinh.platform.web.PageResponse;

/**
 * The donations an office took in, as lists and one by one with the receipt it hands the giver: cash
 * (a fund's RECEIVED ledger entries) and goods. Read-only; scoped like everything else (an office reads
 * its own area, an auditor too); the giver's real name only for the office that holds the donor.
 */
@Service
class DonationQueries {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MongoTemplate mongo;
    private final FundService funds;
    private final DonorService donors;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;

    DonationQueries(MongoTemplate mongo, FundService funds, DonorService donors, OfficeScope scope, AdminUnitDirectory units) {
        this.mongo = mongo;
        this.funds = funds;
        this.donors = donors;
        this.scope = scope;
        this.units = units;
    }

    public enum Kind {
        CASH, GOODS
    }

    public record GoodsLine(String item, String unit, BigDecimal quantity, long estimatedValue) {
    }

    /** What a receipt ("phiếu thu") says: number, date, office, giver, reason, amount in figures and in words. */
    public record Receipt(String number, String date, String officeUnitCode, String officeName, String giver, String reason,
                          long amount, String amountInWords) {
    }

    public record DonationView(String id, Kind kind, String fundId, String fundName, String officeUnitCode, Long amount,
                               String channel, String reference, String donorId, String donorName, String receiptNumber,
                               Instant receivedAt, List<GoodsLine> items, Receipt receipt) {
    }

    /**
     * Cash donations into a fund ({@code fundId}), or into the funds of an office's area, or goods donations
     * of an office's area ({@code kind=GOODS}); received between {@code from} and {@code to} (days in
     * Vietnam, both included); newest first.
     */
    public PageResponse<DonationView> page(String fundId, String officeUnitCode, Kind kind, LocalDate from, LocalDate to,
                                           int page, int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.unprocessable("period-reversed", from, to);
        }
        if (kind == Kind.GOODS) {
            if (fundId != null) {
                throw Refusal.unprocessable("goods-not-in-a-fund");
            }
            Criteria criteria = withPeriod(scope.listArea("officeUnitCode", officeUnitCode), "receivedAt", from, to);
            Query query = Query.query(criteria);
            long total = mongo.count(query, InKindDonation.class);
            List<InKindDonation> found = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "receivedAt"))
                    .skip((long) page * size).limit(size), InKindDonation.class);
            Map<String, Donor> named = donors.byIds(found.stream().map(InKindDonation::getDonorId).filter(Objects::nonNull).toList());
            return PageResponse.of(found, total, page, size, donation -> goodsView(donation, named.get(donation.getDonorId()), false));
        }
        Criteria criteria;
        if (fundId != null) {
            Fund fund = funds.get(fundId); // 404 when the caller may not read it
            criteria = Criteria.where("accountId").is(fund.getId());
        } else {
            criteria = new Criteria().andOperator(scope.listArea("officeUnitCode", officeUnitCode),
                    Criteria.where("accountType").is(Account.AccountType.FUND));
        }
        criteria = withPeriod(new Criteria().andOperator(criteria, Criteria.where("kind").is(EntryKind.RECEIVED)), "at", from, to);
        Query query = Query.query(criteria);
        long total = mongo.count(query, LedgerEntry.class);
        List<LedgerEntry> found = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at", "seq"))
                .skip((long) page * size).limit(size), LedgerEntry.class);
        Map<String, Donor> named = donors.byIds(found.stream().map(LedgerEntry::getDonorId).filter(Objects::nonNull).toList());
        Map<String, Fund> fundsById = new java.util.HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(found.stream().map(LedgerEntry::getAccountId).distinct().toList())), Fund.class)
                .forEach(fund -> fundsById.put(fund.getId(), fund));
        return PageResponse.of(found, total, page, size,
                entry -> cashView(entry, fundsById.get(entry.getAccountId()), named.get(entry.getDonorId()), false));
    }

    /** One donation with its receipt, if the caller's area holds it. */
    public DonationView get(String id) {
        // Goods received go into the stock's ledger under the same donation id: only a fund's entry is money.
        LedgerEntry cash = mongo.findOne(Query.query(Criteria.where("donationId").is(id).and("kind").is(EntryKind.RECEIVED)
                .and("accountType").is(Account.AccountType.FUND)), LedgerEntry.class);
        if (cash != null && scope.canRead(CallerOffice.current(), cash.getOfficeUnitCode())) {
            Donor donor = cash.getDonorId() == null ? null : donors.byIds(List.of(cash.getDonorId())).get(cash.getDonorId());
            return cashView(cash, mongo.findById(cash.getAccountId(), Fund.class), donor, true);
        }
        InKindDonation goods = mongo.findById(id, InKindDonation.class);
        if (goods != null && scope.canRead(CallerOffice.current(), goods.getOfficeUnitCode())) {
            Donor donor = goods.getDonorId() == null ? null : donors.byIds(List.of(goods.getDonorId())).get(goods.getDonorId());
            return goodsView(goods, donor, true);
        }
        throw Refusal.notFound("donation", id);
    }

    private DonationView cashView(LedgerEntry entry, Fund fund, Donor donor, boolean withReceipt) {
        String fundName = fund == null ? null : fund.getName();
        String giver = giverName(donor);
        Receipt receipt = withReceipt ? receipt(entry.getReceiptNumber(), entry.getAt(), entry.getOfficeUnitCode(), giver,
                fundName == null ? "Ủng hộ" : "Ủng hộ " + fundName, entry.getAmount()) : null;
        return new DonationView(entry.getDonationId(), Kind.CASH, entry.getAccountId(), fundName, entry.getOfficeUnitCode(),
                entry.getAmount(), entry.getChannel(), entry.getReference(), entry.getDonorId(), giver, entry.getReceiptNumber(),
                entry.getAt(), null, receipt);
    }

    private DonationView goodsView(InKindDonation donation, Donor donor, boolean withReceipt) {
        List<GoodsLine> items = donation.getLines().stream().map(line -> new GoodsLine(line.item(), line.unit(),
                BigDecimal.valueOf(line.quantityThousandths(), 3).stripTrailingZeros(), line.estimatedValue())).toList();
        long value = donation.getLines().stream().mapToLong(InKindDonation.Line::estimatedValue).sum();
        String giver = giverName(donor);
        Receipt receipt = withReceipt ? receipt(donation.getReceiptNumber(), donation.getReceivedAt(), donation.getOfficeUnitCode(),
                giver, "Ủng hộ hiện vật: " + String.join(", ", items.stream().map(i -> i.quantity().toPlainString() + " " + i.unit()
                        + " " + i.item()).toList()), value) : null;
        return new DonationView(donation.getId(), Kind.GOODS, null, null, donation.getOfficeUnitCode(), value, null, null,
                donation.getDonorId(), giver, donation.getReceiptNumber(), donation.getReceivedAt(), items, receipt);
    }

    private Receipt receipt(String number, Instant at, String officeUnitCode, String giver, String reason, long amount) {
        String officeName = units.find(officeUnitCode).map(AdminUnitDirectory.Unit::name).orElse(officeUnitCode);
        return new Receipt(number, DAY.format(at.atZone(VIETNAM)), officeUnitCode, officeName,
                giver == null ? "Nhà hảo tâm (không ghi tên)" : giver, reason, amount, VietnameseAmountInWords.of(amount));
    }

    /** The donor's name for the office that holds the donor; the name they chose for the public to anyone else. */
    private static String giverName(Donor donor) {
        if (donor == null) {
            return null;
        }
        return donor.getOfficeUnitCode().equals(CallerOffice.current().officeCode()) ? donor.getName() : donor.publicName();
    }

    private static Criteria withPeriod(Criteria criteria, String field, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return criteria;
        }
        Criteria period = Criteria.where(field);
        if (from != null) {
            period = period.gte(from.atStartOfDay(VIETNAM).toInstant());
        }
        if (to != null) {
            period = period.lt(to.plusDays(1).atStartOfDay(VIETNAM).toInstant());
        }
        return criteria.getCriteriaObject().isEmpty() ? period : new Criteria().andOperator(criteria, period);
    }
}
