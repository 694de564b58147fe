package vn.ansinh.donation.statement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.donation.donor.Donor;
import vn.ansinh.donation.donor.DonorService;
import vn.ansinh.donation.banking.FundBankAccounts;
import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;

/**
 * Builds the public statement from the fund's ledger itself, so its totals are the ledger's. Money
 * set aside for a campaign is not money out: it leaves the fund when each delivery spends it.
 */
@Service
class FundStatementService {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoTemplate mongo;
    private final FundBankAccounts bankAccounts;
    private final Ledger ledger;
    private final DonorService donors;

    private final vn.ansinh.donation.organisation.Organisations organisations;

    FundStatementService(MongoTemplate mongo, Ledger ledger, DonorService donors, FundBankAccounts bankAccounts,
                         vn.ansinh.donation.organisation.Organisations organisations) {
        this.organisations = organisations;
        this.bankAccounts = bankAccounts;
        this.mongo = mongo;
        this.ledger = ledger;
        this.donors = donors;
    }

    /**
     * The statement of a period: opening balance, money in and out, and each day's figures are added
     * up by the database (grouped by day and kind); the lines of the period come one page at a time, so
     * an anonymous request costs a few grouped queries and one page, whatever the fund's size.
     */
    public FundStatement statementOf(String fundId, LocalDate from, LocalDate to, int page, int size) {
        Fund fund = mongo.findById(fundId, Fund.class);
        if (fund == null) {
            throw Refusal.notFound("fund", fundId);
        }
        long reservedNow = ledger.totals(fund.account()).reserved();
        Criteria ofFund = Criteria.where("accountId").is(fundId).and("kind").in(EntryKind.RECEIVED, EntryKind.SPENT, EntryKind.RETURNED);
        long opening = 0;
        if (from != null) {
            for (Document group : sumsBy(new Criteria().andOperator(ofFund, Criteria.where("day").lt(from.toString())), "kind")) {
                opening += signed(group.getString("_id"), group);
            }
        }
        Criteria period = periodOf(ofFund, from, to);
        long in = 0;
        long out = 0;
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (Document group : sumsBy(period, "day", "kind")) {
            Document key = group.get("_id", Document.class);
            long amount = ((Number) group.get("total")).longValue();
            // Entries written before entries carried their day still count in the totals, under no day.
            long[] day = key.getString("day") == null ? new long[2]
                    : days.computeIfAbsent(LocalDate.parse(key.getString("day")), d -> new long[2]);
            if (EntryKind.SPENT.name().equals(key.getString("kind"))) {
                out += amount;
                day[1] += amount;
            } else {
                // Money of a reverted delivery came back: shown as money in, so in − out stays the balance.
                in += amount;
                day[0] += amount;
            }
        }
        Query linesOfPage = Query.query(period).with(Sort.by("seq")).skip((long) page * size).limit(size);
        long totalLines = mongo.count(Query.query(period), LedgerEntry.class);
        List<LedgerEntry> entries = mongo.find(linesOfPage, LedgerEntry.class);
        Map<String, Donor> named = donors.byIds(entries.stream().map(LedgerEntry::getDonorId).filter(Objects::nonNull)
                .distinct().toList());
        List<FundStatement.Line> lines = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            LocalDate date = entry.getAt().atZone(VIETNAM).toLocalDate();
            if (entry.getKind() == EntryKind.RETURNED) {
                lines.add(new FundStatement.Line(date, FundStatement.Direction.IN, entry.getAmount(), null, null,
                        "Hoàn lại từ cấp phát bị hủy", entry.getCampaignId()));
            } else if (entry.getKind() == EntryKind.RECEIVED) {
                Donor donor = entry.getDonorId() == null ? null : named.get(entry.getDonorId());
                // A donor who chose to be named can be followed: the line gives the receipt its trace is read by.
                lines.add(new FundStatement.Line(date, FundStatement.Direction.IN, entry.getAmount(),
                        Donor.publicNameOf(donor), entry.getChannel(), null, null,
                        donor != null && donor.isShownInPublic() ? entry.getReceiptNumber() : null));
            } else {
                lines.add(new FundStatement.Line(date, FundStatement.Direction.OUT, entry.getAmount(), null, null,
                        LedgerEntry.publicDescriptionOf(entry.getPublicDescription(), entry.getCampaignId()), entry.getCampaignId()));
            }
        }
        List<FundStatement.Day> byDay = days.entrySet().stream()
                .map(d -> new FundStatement.Day(d.getKey(), d.getValue()[0], d.getValue()[1])).toList();
        return new FundStatement(fund.getId(), fund.getName(), fund.getOfficeUnitCode(), from, to, opening, in, out,
                opening + in - out, reservedNow, byDay, lines, page, size, totalLines, (long) (page + 1) * size >= totalLines,
                paymentOf(fund), fund.getOrganisationCode(),
                fund.getOrganisationCode() == null ? null : organisations.namesOf(fund.getOfficeUnitCode()).get(fund.getOrganisationCode()));
    }

    private FundStatement.Payment paymentOf(Fund fund) {
        return bankAccounts.find(fund.getId()).map(account -> new FundStatement.Payment(account.getBankBin(), account.getBankName(),
                account.getAccountNumber(), account.getAccountName(), account.getTransferCode(), account.vietQr(null), bankAccounts.appealsOf(fund.getId()).stream()
                .map(appeal -> new FundStatement.AppealCode(appeal.getName(), appeal.getTransferCode(), account.vietQr(null, appeal.getTransferCode()))).toList())).orElse(null);
    }

    private static Criteria periodOf(Criteria ofFund, LocalDate from, LocalDate to) {
        List<Criteria> parts = new ArrayList<>(List.of(ofFund));
        if (from != null) {
            parts.add(Criteria.where("day").gte(from.toString()));
        }
        if (to != null) {
            parts.add(Criteria.where("day").lte(to.toString()));
        }
        return parts.size() == 1 ? ofFund : new Criteria().andOperator(parts.toArray(Criteria[]::new));
    }

    private List<Document> sumsBy(Criteria criteria, String... fields) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria), Aggregation.group(fields).sum("amount").as("total")),
                LedgerEntry.class, Document.class).getMappedResults();
    }

    private static long signed(String kind, Document group) {
        long amount = ((Number) group.get("total")).longValue();
        return EntryKind.SPENT.name().equals(kind) ? -amount : amount;
    }
}
