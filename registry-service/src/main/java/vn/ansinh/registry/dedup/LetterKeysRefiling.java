package vn.ansinh.registry.dedup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Files the households registered before the letters key was split (one {@code sg:} key, filed and
 * looked up alike) under its two successors {@code sd:} and {@code sy:} (see {@link BlockingKeys}),
 * then drops the {@code sg:} documents nobody looks up any more. Runs once per installation, in the
 * background after start-up, a page of households at a time in {@code _id} order; the page reached is
 * recorded, so a restart goes on from there. One instance works at a time (a lease renewed with every
 * page); another takes over when it stops renewing. Filing is adding to a set, so a page done twice
 * (a worker that lost its lease mid-page) changes nothing.
 * <p>
 * Until it is done, a household typed with a whole date meets an unfiled household through the letters
 * key only once that household's page is reached; every other key works as before. Households that
 * registrations and changes file meanwhile already carry the new keys.
 */
@Component
class LetterKeysRefiling {

    private static final Logger log = LoggerFactory.getLogger(LetterKeysRefiling.class);
    static final String STATE = "dedup_migrations";
    static final String ID = "letter-keys-split";
    private static final Pattern OLD_KEYS = Pattern.compile("^sg:");

    private final MongoTemplate mongo;
    private final BlockingIndex index;
    private final Clock clock;
    private final int page;
    private final Duration lease;
    private volatile boolean done;

    LetterKeysRefiling(MongoTemplate mongo, MongoBlockingIndex index, Clock clock,
                       @Value("${ansinh.registry.dedup.refiling-page:1000}") int page,
                       @Value("${ansinh.registry.dedup.refiling-lease:PT2M}") Duration lease) {
        this.mongo = mongo;
        this.index = index;
        this.clock = clock;
        this.page = page;
        this.lease = lease;
    }

    /** Takes the work if no live instance holds it and carries it to the end, or until the lease is lost. */
    @Scheduled(fixedDelayString = "${ansinh.registry.dedup.refiling-poll:PT10S}", initialDelayString = "PT1S")
    void work() {
        if (done) {
            return;
        }
        String owner = ProcessHandle.current().pid() + "/" + UUID.randomUUID();
        Document state = claim(owner);
        if (state == null) {
            done = isDone();
            return;
        }
        String after = state.getString("after");
        long refiled = state.get("refiled", Number.class) == null ? 0 : state.get("refiled", Number.class).longValue();
        while (true) {
            List<Document> households = nextPage(after);
            if (households.isEmpty()) {
                break;
            }
            refile(households);
            after = households.get(households.size() - 1).getString("_id");
            refiled += households.size();
            if (!recordProgress(owner, after, refiled)) {
                log.warn("Re-filing under the letter keys: lease lost after {} households; another instance goes on", refiled);
                return;
            }
        }
        long dropped = mongo.getCollection(MongoBlockingIndex.COLLECTION)
                .deleteMany(new Document("_id", new Document("$regex", OLD_KEYS.pattern()))).getDeletedCount();
        if (recordDone(owner, refiled)) {
            done = true;
            log.info("Re-filed {} households under the letter keys sd:/sy:; dropped {} sg: keys", refiled, dropped);
        }
    }

    boolean isDone() {
        Document state = mongo.getCollection(STATE).find(new Document("_id", ID)).first();
        return state != null && Boolean.TRUE.equals(state.getBoolean("done"));
    }

    /** The state with this worker's lease, or null when the work is done or another live instance holds it. */
    private Document claim(String owner) {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(ID).and("done").ne(true).and("leaseUntil").lt(now));
        Update take = new Update().set("leaseOwner", owner).set("leaseUntil", now.plus(lease)).setOnInsert("startedAt", now);
        try {
            return mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, STATE);
        } catch (DuplicateKeyException heldOrDone) {
            return null; // the state exists and did not match: done, or leased by a live instance
        }
    }

    private List<Document> nextPage(String after) {
        Query query = new Query(after == null ? new Criteria() : Criteria.where("_id").gt(after))
                .with(Sort.by("_id")).limit(page);
        query.fields().include("unitCode", "address.hamlet", "phone", "members.fullName", "members.dateOfBirth",
                "members.citizenId", "deactivationReason");
        return mongo.find(query, Document.class, "households");
    }

    /** Only the letter keys: the household's other keys are filed already. Merged households stay out, as {@code forget} left them. */
    private void refile(List<Document> households) {
        Map<String, Set<String>> byKey = new HashMap<>();
        for (Document household : households) {
            if ("MERGED".equals(household.getString("deactivationReason"))) {
                continue;
            }
            HouseholdProfile profile = DuplicateDetection.profileOf(household);
            for (String key : BlockingKeys.of(profile).filed()) {
                if (key.startsWith("sd:") || key.startsWith("sy:")) {
                    byKey.computeIfAbsent(key, k -> new HashSet<>()).add(profile.householdId());
                }
            }
        }
        if (!byKey.isEmpty()) {
            index.add(byKey, Map.of(), Set.of());
        }
    }

    private boolean recordProgress(String owner, String after, long refiled) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("leaseOwner").is(owner)),
                new Update().set("after", after).set("refiled", refiled).set("leaseUntil", clock.instant().plus(lease)),
                STATE).getMatchedCount() == 1;
    }

    private boolean recordDone(String owner, long refiled) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("leaseOwner").is(owner)),
                new Update().set("done", true).set("refiled", refiled).set("finishedAt", clock.instant()).unset("leaseOwner"),
                STATE).getMatchedCount() == 1;
    }
}
