package vn.ansinh.donation.trace;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every account's gift shares close behind its ledger, so that a donor's trace reads shares
 * already worked out instead of working out a crisis day's entries on the request. Each run compares
 * each fund's and stock item's last entry with where its working-out stands and catches up those
 * behind. Several instances may run it at once: the working-out moves on only from where it was.
 */
@Component
class AttributionSweep {

    private static final Logger log = LoggerFactory.getLogger(AttributionSweep.class);

    private final MongoTemplate mongo;
    private final Attribution attribution;

    AttributionSweep(MongoTemplate mongo, Attribution attribution) {
        this.mongo = mongo;
        this.attribution = attribution;
    }

    @Scheduled(fixedDelayString = "${ansinh.donation.trace-catch-up:PT30S}", initialDelayString = "${ansinh.donation.trace-catch-up:PT30S}")
    void catchUpAccountsBehind() {
        Map<String, Long> placed = new HashMap<>();
        Query cursors = new Query();
        cursors.fields().include("seq");
        mongo.find(cursors, Document.class, Attribution.CURSORS).forEach(cursor ->
                placed.put(cursor.getString("_id"), cursor.get("seq", Number.class).longValue()));
        for (String collection : new String[] {"funds", "stock_items"}) {
            Query accounts = new Query();
            accounts.fields().include("totals.seq");
            for (Document account : mongo.find(accounts, Document.class, collection)) {
                Document totals = account.get("totals", Document.class);
                long last = totals == null || totals.get("seq") == null ? 0 : totals.get("seq", Number.class).longValue();
                String id = account.get("_id").toString();
                if (last > placed.getOrDefault(id, 0L)) {
                    try {
                        attribution.catchUp(id);
                    } catch (RuntimeException failed) { // one account's trouble (the database away a moment) must not stop the others
                        log.warn("Could not bring the gift shares of account {} up to date: {}", id, failed.toString());
                    }
                }
            }
        }
    }
}
