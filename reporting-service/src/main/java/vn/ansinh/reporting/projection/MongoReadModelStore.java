package vn.ansinh.reporting.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The live store: every projected event is written at once, one document looked up and replaced by
 * {@code _id}, and the dashboard is told which read model changed.
 */
@Component
class MongoReadModelStore implements ReadModelStore {

    private final MongoTemplate mongo;
    private final DashboardUpdates updates;

    public MongoReadModelStore(MongoTemplate mongo, DashboardUpdates updates) {
        this.mongo = mongo;
        this.updates = updates;
    }

    @Override
    public Document find(String collection, String id) {
        return mongo.findById(id, Document.class, collection);
    }

    @Override
    public void put(String collection, Document document) {
        mongo.save(document, collection);
        updates.changed(collection);
    }
}
