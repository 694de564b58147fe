package vn.ansinh.registry.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The blocking index in MongoDB: one document per key ({@code _id}) listing the households filed
 * under it. Everything goes by {@code _id}, which every MongoDB (and the embedded wire server)
 * answers from its primary index, a few thousand keys per round trip. Most keys of a new household
 * are new, so they are inserted in one unordered batch; only keys already known are updated.
 */
@Component
class MongoBlockingIndex implements BlockingIndex {

    static final String COLLECTION = "dedup_keys";
    /**
     * Keys asked for in one query. A few hundred keep each {@code $in} cheap to plan and to match; the wire
     * server used locally even matches each found block against the whole list (5,000 keys made that the
     * import's largest cost), and on MongoDB a 500-household slice then takes a few more round trips.
     */
    static final int CHUNK = 500;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    MongoBlockingIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Set<String>> lookup(Set<String> keys) {
        Map<String, Set<String>> blocks = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            for (Document block : collection().find(Filters.in("_id", all.subList(from, Math.min(all.size(), from + CHUNK))))) {
                blocks.put(block.getString("_id"), Set.copyOf(block.getList("households", String.class)));
            }
        }
        return blocks;
    }

    @Override
    public Set<String> add(Map<String, Set<String>> householdsByKey, Map<String, Set<String>> known, Set<String> lookedUp) {
        List<Document> created = new ArrayList<>();
        List<WriteModel<Document>> extended = new ArrayList<>();
        householdsByKey.forEach((key, ids) -> {
            if (known.containsKey(key)) {
                extended.add(extend(key, ids));
            } else if (!lookedUp.contains(key)) {
                extended.add(extendOrCreate(key, ids));
            } else {
                created.add(new Document("_id", key).append("households", new ArrayList<>(ids)));
            }
        });
        Set<String> createdMeanwhile = new HashSet<>();
        if (!created.isEmpty()) {
            try {
                collection().insertMany(created, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException conflicts) {
                for (BulkWriteError error : conflicts.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw conflicts;
                    }
                    String key = created.get(error.getIndex()).getString("_id");
                    createdMeanwhile.add(key);
                    extended.add(extend(key, householdsByKey.get(key)));
                }
            }
        }
        if (!extended.isEmpty()) {
            collection().bulkWrite(extended, new BulkWriteOptions().ordered(false));
        }
        return createdMeanwhile;
    }

    @Override
    public void remove(HouseholdProfile household) {
        List<WriteModel<Document>> pulls = new ArrayList<>();
        BlockingKeys.of(household).filed().forEach(key -> pulls.add(new UpdateOneModel<>(Filters.eq("_id", key),
                Updates.pull("households", household.householdId()))));
        collection().bulkWrite(pulls, new BulkWriteOptions().ordered(false));
    }

    private static UpdateOneModel<Document> extend(String key, Set<String> ids) {
        return new UpdateOneModel<>(Filters.eq("_id", key), Updates.addEachToSet("households", new ArrayList<>(ids)));
    }

    /** A key whose existence nobody read: one upsert, in the same bulk write as the extensions. */
    private static UpdateOneModel<Document> extendOrCreate(String key, Set<String> ids) {
        return new UpdateOneModel<>(Filters.eq("_id", key), Updates.addEachToSet("households", new ArrayList<>(ids)),
                new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
