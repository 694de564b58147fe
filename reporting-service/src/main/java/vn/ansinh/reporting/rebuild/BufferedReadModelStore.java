package vn.ansinh.reporting.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import vn.ansinh.reporting.projection.ReadModelStore;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The rebuild's store: documents stay in memory while the topics are replayed (most events only
 * change a document already there), and are written in bulk. Past {@code maxDocuments} the buffer
 * is written out and emptied, and lookups of what was written go to the database.
 */
final class BufferedReadModelStore implements ReadModelStore {

    private static final int CHUNK = 5_000;

    private final MongoTemplate mongo;
    private final int maxDocuments;
    private final Map<String, Map<String, Document>> buffer = new HashMap<>();
    private final Set<String> spilled = new HashSet<>();
    private int buffered;
    private long written;

    BufferedReadModelStore(MongoTemplate mongo, int maxDocuments) {
        this.mongo = mongo;
        this.maxDocuments = maxDocuments;
    }

    @Override
    public Document find(String collection, String id) {
        Document document = buffer.getOrDefault(collection, Map.of()).get(id);
        if (document == null && spilled.contains(collection)) {
            return mongo.findById(id, Document.class, collection);
        }
        return document;
    }

    @Override
    public void put(String collection, Document document) {
        if (buffer.computeIfAbsent(collection, c -> new HashMap<>()).put(document.getString("_id"), document) == null) {
            buffered++;
        }
        if (buffered >= maxDocuments) {
            flush();
        }
    }

    /** Writes everything buffered: plain inserts into a collection written for the first time, else replacements. */
    void flush() {
        buffer.forEach((collection, documents) -> {
            List<Document> all = new ArrayList<>(documents.values());
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<Document> chunk = all.subList(from, Math.min(from + CHUNK, all.size()));
                if (spilled.contains(collection)) {
                    List<WriteModel<Document>> replacements = new ArrayList<>(chunk.size());
                    chunk.forEach(document -> replacements.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")),
                            document, new ReplaceOptions().upsert(true))));
                    mongo.getCollection(collection).bulkWrite(replacements, new BulkWriteOptions().ordered(false));
                } else {
                    mongo.getCollection(collection).insertMany(chunk, new InsertManyOptions().ordered(false));
                }
            }
            written += all.size();
            spilled.add(collection);
        });
        buffer.clear();
        buffered = 0;
    }

    long written() {
        return written;
    }
}
