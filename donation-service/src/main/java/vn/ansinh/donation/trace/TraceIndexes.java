package vn.ansinh.donation.trace;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes of the gifts' shares, and of receipts by number (how a donor asks for a trace). */
@Component
class TraceIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    TraceIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps("ledger_entries").createIndex(new Index().on("receiptNumber", Sort.Direction.ASC).sparse().named("receipt"));
        // The gifts a spend took and receipts' order within an account (the lots, oldest first).
        mongo.indexOps("ledger_entries").createIndex(new Index().on("accountId", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .on("seq", Sort.Direction.ASC).named("account_kind_seq"));
        mongo.indexOps(GiftShare.COLLECTION).createIndex(new Index().on("donationId", Sort.Direction.ASC).named("donation"));
        mongo.indexOps(GiftShare.COLLECTION).createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("deliveryId", Sort.Direction.ASC).named("account_delivery"));
    }
}
