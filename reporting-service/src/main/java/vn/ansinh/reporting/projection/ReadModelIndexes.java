package vn.ansinh.reporting.projection;

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

    private final MongoTemplate mongo;

    public ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        ensure();
    }

    public void ensure() {
        ReadModels.INDEXED_FIELDS.forEach((collection, fields) -> fields.forEach(field ->
                mongo.indexOps(collection).createIndex(new Index().on(field, Sort.Direction.ASC).named(field))));
    }
}
