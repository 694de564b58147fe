package vn.ansinh.donation.fund;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * A fund's figures, summed from the donations received into it. Reservations and spending arrive
 * with campaigns; until a fund has any, reserved and spent are truly zero.
 */
@Component
public class FundBalances {

    private final MongoTemplate mongo;

    public FundBalances(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** All amounts in whole VND. balance = received − spent; available = balance − reserved. */
    public record Balance(long received, long spent, long reserved) {
        public long balance() {
            return received - spent;
        }

        public long available() {
            return balance() - reserved;
        }
    }

    public Balance of(String fundId) {
        Aggregation sum = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("fundId").is(fundId)),
                Aggregation.group("fundId").sum("amount").as("received"));
        Document result = mongo.aggregate(sum, "donations", Document.class).getUniqueMappedResult();
        long received = result == null ? 0 : ((Number) result.get("received")).longValue();
        return new Balance(received, 0, 0);
    }
}
