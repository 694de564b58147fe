package vn.ansinh.donation.statement;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.Ledger;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.platform.web.ApiException;

/**
 * Builds the public statement from the fund's ledger itself, so its totals are the ledger's. Money
 * set aside for a campaign is not money out: it leaves the fund when each delivery spends it.
 */
@Service
public class FundStatementService {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String UNNAMED = "Nhà hảo tâm (không ghi tên)";

    private final MongoTemplate mongo;
    private final Ledger ledger;
    private final DonorService donors;

    FundStatementService(MongoTemplate mongo, Ledger ledger, DonorService donors) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.donors = donors;
    }

    public FundStatement statementOf(String fundId, LocalDate from, LocalDate to) {
        Fund fund = mongo.findById(fundId, Fund.class);
        if (fund == null) {
            throw ApiException.notFound("fund", fundId);
        }
        long reservedNow = ledger.totals(fund.account()).reserved();
        List<LedgerEntry> entries = mongo.find(Query.query(Criteria.where("accountId").is(fundId)
                .and("kind").in(EntryKind.RECEIVED, EntryKind.SPENT, EntryKind.RETURNED)).with(Sort.by("seq")), LedgerEntry.class);
        Map<String, Donor> named = donors.byIds(entries.stream().map(LedgerEntry::getDonorId).filter(Objects::nonNull)
                .distinct().toList());
        long opening = 0;
        long in = 0;
        long out = 0;
        List<FundStatement.Line> lines = new ArrayList<>();
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LedgerEntry entry : entries) {
            LocalDate date = entry.getAt().atZone(VIETNAM).toLocalDate();
            long signed = entry.getKind() == EntryKind.SPENT ? -entry.getAmount() : entry.getAmount();
            if (from != null && date.isBefore(from)) {
                opening += signed;
                continue;
            }
            if (to != null && date.isAfter(to)) {
                continue;
            }
            long[] day = days.computeIfAbsent(date, d -> new long[2]);
            if (entry.getKind() == EntryKind.RETURNED) {
                // Money of a reverted delivery came back: shown as money in, so in − out stays the balance.
                in += entry.getAmount();
                day[0] += entry.getAmount();
                lines.add(new FundStatement.Line(date, FundStatement.Direction.IN, entry.getAmount(), null, null,
                        "Hoàn lại từ cấp phát bị hủy", entry.getCampaignId()));
            } else if (entry.getKind() == EntryKind.RECEIVED) {
                in += entry.getAmount();
                day[0] += entry.getAmount();
                Donor donor = entry.getDonorId() == null ? null : named.get(entry.getDonorId());
                lines.add(new FundStatement.Line(date, FundStatement.Direction.IN, entry.getAmount(),
                        donor == null ? UNNAMED : donor.publicName(), entry.getChannel(), null, null));
            } else {
                out += entry.getAmount();
                day[1] += entry.getAmount();
                lines.add(new FundStatement.Line(date, FundStatement.Direction.OUT, entry.getAmount(), null, null,
                        entry.getDescription(), entry.getCampaignId()));
            }
        }
        List<FundStatement.Day> byDay = days.entrySet().stream()
                .map(d -> new FundStatement.Day(d.getKey(), d.getValue()[0], d.getValue()[1])).toList();
        return new FundStatement(fund.getId(), fund.getName(), fund.getOfficeUnitCode(), from, to, opening, in, out,
                opening + in - out, reservedNow, byDay, lines);
    }
}
