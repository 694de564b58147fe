package vn.ansinh.donation.intake;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Receipt numbers per office and year ("783-2026-000042"), from one counter document per office and
 * year incremented atomically. A number drawn for a request that then fails is not reused: receipts
 * may skip a number, never repeat one.
 */
@Component
public class ReceiptNumbers {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoTemplate mongo;
    private final Clock clock;

    ReceiptNumbers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public String next(String officeUnitCode) {
        return nextBlock(officeUnitCode, 1).get(0);
    }

    /** {@code count} consecutive numbers in one round trip (batch intake). */
    public List<String> nextBlock(String officeUnitCode, int count) {
        int year = clock.instant().atZone(VIETNAM).getYear();
        String counter = officeUnitCode + "|" + year;
        Document after = mongo.findAndModify(Query.query(Criteria.where("_id").is(counter)), new Update().inc("last", (long) count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "receipt_counters");
        long last = ((Number) after.get("last")).longValue();
        List<String> numbers = new ArrayList<>(count);
        String prefix = officeUnitCode + "-" + year + "-";
        for (long n = last - count + 1; n <= last; n++) {
            numbers.add(number(prefix, n));
        }
        return numbers;
    }

    /** {@code prefix} and the number padded to six digits ("783-2026-000042"); a batch's 10,000 are built here, not through a Formatter. */
    static String number(String prefix, long n) {
        String digits = Long.toString(n);
        StringBuilder number = new StringBuilder(prefix.length() + Math.max(6, digits.length())).append(prefix);
        for (int pad = digits.length(); pad < 6; pad++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }
}
