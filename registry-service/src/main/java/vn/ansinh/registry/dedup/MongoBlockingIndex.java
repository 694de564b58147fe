package vn.ansinh.registry.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The blocking index in MongoDB: one document per key ({@code _id}) listing the households filed
 * under it. Look-ups are by {@code _id} only, which every MongoDB (and the embedded wire server)
 * answers from its primary index, in chunks of a few thousand keys per round trip.
 */
@Component
class MongoBlockingIndex implements BlockingIndex {

    static final String COLLECTION = "dedup_keys";
    private static final int CHUNK = 5_000;

    private final MongoTemplate mongo;

    MongoBlockingIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(Collection<HouseholdProfile> households) {
        Map<String, List<String>> idsByKey = new HashMap<>();
        households.forEach(household -> BlockingKeys.of(household).forEach(key ->
                idsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(household.householdId())));
        if (idsByKey.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        idsByKey.forEach((key, ids) -> bulk.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().addToSet("households").each(ids.toArray())));
        bulk.execute();
    }

    @Override
    public Map<String, Set<String>> lookup(Set<String> keys) {
        Map<String, Set<String>> blocks = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            Query query = Query.query(Criteria.where("_id").in(all.subList(from, Math.min(all.size(), from + CHUNK))));
            for (Document block : mongo.find(query, Document.class, COLLECTION)) {
                blocks.put(block.getString("_id"), Set.copyOf(block.getList("households", String.class)));
            }
        }
        return blocks;
    }

    @Override
    public void remove(HouseholdProfile household) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        BlockingKeys.of(household).forEach(key -> bulk.updateOne(Query.query(Criteria.where("_id").is(key)),
                new Update().pull("households", household.householdId())));
        bulk.execute();
    }
}
