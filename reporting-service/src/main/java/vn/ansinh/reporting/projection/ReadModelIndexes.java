package vn.ansinh.reporting.projection;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the figures' queries select by (on MongoDB; the embedded wire server scans anyway).
 * Created at start-up and again after a rebuild has dropped the collections.
 */
@Component
public class ReadModelIndexes implements InitializingBean {

    private static final Map<String, List<String>> BY_COLLECTION = Map.of(
            ReadModels.HOUSEHOLDS, List.of("unitCode"),
            ReadModels.NEEDS, List.of("unitCode"),
            ReadModels.FUNDS, List.of("officeUnitCode"),
            ReadModels.CASH_DONATIONS, List.of("officeUnitCode", "fundId"),
            ReadModels.IN_KIND_DONATIONS, List.of("officeUnitCode"),
            ReadModels.CAMPAIGNS, List.of("approved.unitCode"),
            ReadModels.DELIVERIES, List.of("unitCode", "campaignId"),
            ReadModels.LIST_MERGES, List.of("campaignId"));

    private final MongoTemplate mongo;

    public ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        ensure();
    }

    public void ensure() {
        BY_COLLECTION.forEach((collection, fields) -> fields.forEach(field ->
                mongo.indexOps(collection).createIndex(new Index().on(field, Sort.Direction.ASC).named(field))));
    }
}
