package vn.ansinh.registry.dedup;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The match model in force. It starts as the model shipped with the registry (estimated from a
 * generated population); an estimate from the registry's own households replaces it (see
 * {@link MatchModelTraining}).
 */
@Component
public class MatchModels {

    private final AtomicReference<MatchModel> current = new AtomicReference<>(MatchModel.shipped());

    public MatchModel current() {
        return current.get();
    }

    public MatchScorer scorer() {
        return new MatchScorer(current.get());
    }

    void replace(MatchModel model) {
        current.set(model);
    }
}
