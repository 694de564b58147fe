package vn.ansinh.donation.trace;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.platform.security.OfficeScope;

/**
 * Perishable goods that expired before they were handed out: each lot past its last day with what is
 * left of it, by the same first-in-first-out (soonest to expire first) working-out as the traces. The
 * office writes them off or hands them on; this report says which and how much.
 */
@Service
public class ExpiredGoods {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A lot past its last day, and what is left of it in stock. */
    public record ExpiredLot(String officeUnitCode, String item, String unit, String receiptNumber, LocalDate receivedOn,
                             LocalDate expiresOn, BigDecimal quantity, BigDecimal left) {
    }

    private final MongoTemplate mongo;
    private final Attribution attribution;
    private final OfficeScope scope;
    private final Clock clock;

    ExpiredGoods(MongoTemplate mongo, Attribution attribution, OfficeScope scope, Clock clock) {
        this.mongo = mongo;
        this.attribution = attribution;
        this.scope = scope;
        this.clock = clock;
    }

    /** Lots of the offices of a unit and below (default the caller's office) expired unused or partly used, soonest expired first. */
    public List<ExpiredLot> of(String officeUnitCode) {
        LocalDate today = clock.instant().atZone(VIETNAM).toLocalDate();
        List<LedgerEntry> expired = mongo.find(Query.query(scope.listArea("officeUnitCode", officeUnitCode).and("kind").is(EntryKind.RECEIVED)
                .and("expiresOn").lt(today.toString())), LedgerEntry.class);
        Map<String, List<LedgerEntry>> byAccount = new HashMap<>();
        expired.forEach(lot -> byAccount.computeIfAbsent(lot.getAccountId(), account -> new ArrayList<>()).add(lot));
        List<ExpiredLot> left = new ArrayList<>();
        byAccount.forEach((accountId, lots) -> {
            attribution.catchUp(accountId);
            Map<Long, Long> used = new HashMap<>();
            mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("receivedSeq").in(lots.stream().map(LedgerEntry::getSeq)
                    .toList())), GiftShare.class).forEach(share -> used.merge(share.receivedSeq(), share.amount(), Long::sum));
            for (LedgerEntry lot : lots) {
                long remaining = lot.getAmount() - used.getOrDefault(lot.getSeq(), 0L);
                if (remaining > 0) {
                    left.add(new ExpiredLot(lot.getOfficeUnitCode(), lot.getItem(), lot.getUnit(), lot.getReceiptNumber(),
                            lot.getAt().atZone(VIETNAM).toLocalDate(), lot.getExpiresOn(), quantity(lot.getAmount()), quantity(remaining)));
                }
            }
        });
        left.sort(Comparator.comparing(ExpiredLot::expiresOn).thenComparing(ExpiredLot::item));
        return left;
    }

    private static BigDecimal quantity(long thousandths) {
        return vn.ansinh.donation.stock.Quantities.fromThousandths(thousandths);
    }
}
