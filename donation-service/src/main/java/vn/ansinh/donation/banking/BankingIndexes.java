package vn.ansinh.donation.banking;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes of bank accounts and credits, created at start-up like the service's others. */
@Component
class BankingIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    BankingIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // An office's transfer codes, read once per statement import.
        mongo.indexOps("fund_bank_accounts").createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC).named("office"));
        // One appeal per fund and campaign: two officers opening it at once get the same one.
        mongo.indexOps(Appeal.COLLECTION).createIndex(new Index().on("fundId", Sort.Direction.ASC).on("campaignId", Sort.Direction.ASC)
                .unique().named("fund_campaign"));
        mongo.indexOps(Appeal.COLLECTION).createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC).named("office"));
        // The waiting credits of an office's area, oldest first.
        mongo.indexOps(BankCredit.COLLECTION).createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).on("bookedAt", Sort.Direction.ASC).named("office_state_booked"));
    }
}
