package vn.ansinh.donation.intake;

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
        // A campaign's share of an account: its latest entry in that account.
        mongo.indexOps("ledger_entries").createIndex(new Index().on("accountId", Sort.Direction.ASC)
                .on("campaignId", Sort.Direction.ASC).on("seq", Sort.Direction.DESC).named("account_campaign_seq"));
        // A donation by its id (its receipt), and the donations of an office's area by day.
        mongo.indexOps("ledger_entries").createIndex(new Index().on("donationId", Sort.Direction.ASC).sparse().named("donation"));
        mongo.indexOps("ledger_entries").createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC).named("office_kind_at"));
        mongo.indexOps("in_kind_donations").createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.DESC).named("office_received"));
        mongo.indexOps("donors").createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC).on("searchName", Sort.Direction.ASC)
                .named("office_name"));
        mongo.indexOps("funds").createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC).on("name", Sort.Direction.ASC)
                .named("office_name"));
        mongo.indexOps("stock_items").createIndex(new Index().on("officeUnitCode", Sort.Direction.ASC).named("office"));
        mongo.indexOps("in_kind_donations").createIndex(new Index().on("stockApplied", Sort.Direction.ASC).named("stock_applied"));
        // What became of a campaign's deliveries, counted when its close waits for them; closes still waiting.
        mongo.indexOps("delivery_outcomes").createIndex(new Index().on("campaignId", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .named("campaign_kind"));
        mongo.indexOps("campaign_reservations").createIndex(new Index().on("closeRequestedAt", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).named("close_requested"));
        // A queued batch's rows by outcome (its progress), repeats listed by row.
        mongo.indexOps(QueuedBatchIntake.ROWS).createIndex(new Index().on("batchId", Sort.Direction.ASC)
                .on("outcome", Sort.Direction.ASC).on("row", Sort.Direction.ASC).named("batch_outcome_row"));
    }
}
