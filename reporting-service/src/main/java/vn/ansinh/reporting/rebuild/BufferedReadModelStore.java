package vn.ansinh.reporting.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import vn.ansinh.reporting.projection.ReadModelStore;

/**
 * The rebuild's store: documents stay in memory while the topics are replayed (most events only
 * change a document already there), and are written in bulk. Past {@code maxDocuments} the buffer
 * is written out and emptied; the ids written are remembered, so only a document really written
 * before is looked up in the database again, and a new one costs no round trip.
 */
final class BufferedReadModelStore implements ReadModelStore {

    private static final int CHUNK = 5_000;

    private final MongoTemplate mongo;
    private final int maxDocuments;
    private final Map<String, Map<String, Document>> buffer = new HashMap<>();
    private final Map<String, Set<String>> writtenIds = new HashMap<>();
    private int buffered;

    BufferedReadModelStore(MongoTemplate mongo, int maxDocuments) {
        this.mongo = mongo;
        this.maxDocuments = maxDocuments;
    }

    @Override
    public Document find(String collection, String id) {
        Document document = buffer.getOrDefault(collection, Map.of()).get(id);
        if (document == null && writtenIds.getOrDefault(collection, Set.of()).contains(id)) {
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

    /** Writes everything buffered: new documents as plain inserts, documents written before as replacements. */
    void flush() {
        buffer.forEach((collection, documents) -> {
            Set<String> written = writtenIds.computeIfAbsent(collection, c -> new HashSet<>());
            List<Document> inserts = new ArrayList<>();
            List<WriteModel<Document>> replacements = new ArrayList<>();
            documents.forEach((id, document) -> {
                if (written.add(id)) {
                    inserts.add(document);
                } else {
                    replacements.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)));
                }
            });
            for (int from = 0; from < inserts.size(); from += CHUNK) {
                mongo.getCollection(collection).insertMany(inserts.subList(from, Math.min(from + CHUNK, inserts.size())),
                        new InsertManyOptions().ordered(false));
            }
            for (int from = 0; from < replacements.size(); from += CHUNK) {
                mongo.getCollection(collection).bulkWrite(replacements.subList(from, Math.min(from + CHUNK, replacements.size())),
                        new BulkWriteOptions().ordered(false));
            }
        });
        buffer.clear();
        buffered = 0;
    }

    /** Distinct documents written so far. */
    long written() {
        return writtenIds.values().stream().mapToLong(Set::size).sum();
    }
}
