package vn.ansinh.donation.donation;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes created explicitly at start-up (Spring Data's automatic index creation is off by default). */
@Component
class DonationIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    DonationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // One entry per operation: a bank reference, a campaign's reservation, a delivery.
        mongo.indexOps("ledger_entries").createIndex(new Index().on("operationKey", Sort.Direction.ASC).unique()
                .named("operation"));
        mongo.indexOps("ledger_entries").createIndex(new Index().on("accountId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .named("account_seq"));
        mongo.indexOps("ledger_entries").createIndex(new Index().on("campaignId", Sort.Direction.ASC).named("campaign"));
    }
}
