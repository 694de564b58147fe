package vn.ansinh.reporting.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The live store: every projected event is written at once, one document looked up and replaced by {@code _id}. */
@Component
class MongoReadModelStore implements ReadModelStore {

    private final MongoTemplate mongo;

    public MongoReadModelStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Document find(String collection, String id) {
        return mongo.findById(id, Document.class, collection);
    }

    @Override
    public void put(String collection, Document document) {
        mongo.save(document, collection);
    }
}
