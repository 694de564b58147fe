package vn.ansinh.donation.donation;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
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
        // One donation per bank reference and channel; donations at the office have no reference.
        mongo.indexOps("donations").createIndex(new Index().on("channel", Sort.Direction.ASC)
                .on("reference", Sort.Direction.ASC).unique().named("channel_reference")
                .partial(PartialIndexFilter.of(new Document("reference", new Document("$exists", true)))));
        mongo.indexOps("donations").createIndex(new Index().on("fundId", Sort.Direction.ASC).named("fund"));
    }
}
