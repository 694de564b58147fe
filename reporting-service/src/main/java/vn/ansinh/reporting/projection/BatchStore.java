package vn.ansinh.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The live consumers' store for one batch of events: the documents the batch will look at are read
 * in one query per read model, the batch's changes stay in memory, and {@link #flush} writes each
 * read model's changes in one bulk write — a few round trips per batch instead of two per event.
 * Read models are written in the order the batch first changed them, so a running total written
 * before its donations' documents stays before them (see {@link CashTotals}).
 */
final class BatchStore implements ReadModelStore {

    private final MongoTemplate mongo;
    private final Map<String, Map<String, Document>> known = new HashMap<>();
    private final Map<String, Map<String, Document>> changed = new LinkedHashMap<>();

    private BatchStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A store holding the stored documents with the given ids (those that exist), read one query per read model. */
    static BatchStore reading(MongoTemplate mongo, Map<String, Set<String>> idsByCollection) {
        BatchStore store = new BatchStore(mongo);
        idsByCollection.forEach((collection, ids) -> {
            Map<String, Document> documents = store.known(collection);
            ids.forEach(id -> documents.put(id, null)); // known to be absent unless found
            for (Document found : mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection)) {
                documents.put(found.getString("_id"), found);
            }
        });
        return store;
    }

    @Override
    public Document find(String collection, String id) {
        Map<String, Document> documents = known(collection);
        if (!documents.containsKey(id)) { // not foreseen: read it now rather than guess
            documents.put(id, mongo.findById(id, Document.class, collection));
        }
        return documents.get(id);
    }

    @Override
    public void put(String collection, Document document) {
        String id = document.getString("_id");
        known(collection).put(id, document);
        changed.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, document);
    }

    /** @return the read models written, in the order they were written */
    List<String> flush() {
        List<String> written = new ArrayList<>();
        changed.forEach((collection, documents) -> {
            List<WriteModel<Document>> replacements = new ArrayList<>(documents.size());
            documents.forEach((id, document) ->
                    replacements.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true))));
            mongo.getCollection(collection).bulkWrite(replacements, new BulkWriteOptions().ordered(false));
            written.add(collection);
        });
        changed.clear();
        return written;
    }

    private Map<String, Document> known(String collection) {
        return known.computeIfAbsent(collection, c -> new HashMap<>());
    }

    /** Collects what projections look up, answering that nothing is stored: a new fact looks up all it may need. */
    static final class Lookups implements ReadModelStore {
        final Map<String, Set<String>> ids = new HashMap<>();

        @Override
        public Document find(String collection, String id) {
            ids.computeIfAbsent(collection, c -> new java.util.HashSet<>()).add(id);
            return null;
        }

        @Override
        public void put(String collection, Document document) {
            // nothing is kept: only the look-ups matter
        }
    }
}
