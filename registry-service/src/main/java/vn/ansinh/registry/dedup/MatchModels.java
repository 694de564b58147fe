package vn.ansinh.registry.dedup;

import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The match model in force, and the owner of the {@code match_models} collection (every model ever
 * put in force, newest last). It starts as the newest stored model, or the model shipped with the
 * registry (estimated from a generated population) when none is stored yet; every instance looks for a
 * newer one every few minutes, so a re-estimate made on one reaches all.
 */
@Component
public class MatchModels {

    static final String COLLECTION = "match_models";

    private final MongoTemplate mongo;
    /** The model in force with its scorer, swapped together. */
    private record InForce(MatchModel model, MatchScorer scorer) {
        InForce(MatchModel model) {
            this(model, new MatchScorer(model));
        }
    }

    private final AtomicReference<InForce> current;

    MatchModels(MongoTemplate mongo) {
        this.mongo = mongo;
        this.current = new AtomicReference<>(new InForce(newestStored()));
    }

    public MatchModel current() {
        return current.get().model();
    }

    public MatchScorer scorer() {
        return current.get().scorer();
    }

    /** Stores a model and puts it in force here (the other instances follow within minutes). */
    void putInForce(MatchModel model) {
        mongo.insert(model.toDocument(), COLLECTION);
        current.set(new InForce(model));
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void followNewest() {
        MatchModel newest = newestStored();
        if (!java.util.Objects.equals(newest.trainedAt(), current().trainedAt())) {
            current.set(new InForce(newest));
        }
    }

    private MatchModel newestStored() {
        Document newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "trainedAt")).limit(1), Document.class,
                COLLECTION);
        return newest == null ? MatchModel.shipped() : MatchModel.fromDocument(newest);
    }
}
