package vn.ansinh.registry.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The duplicate-detection model in force, readable by every office; re-estimated by an administrator. */
@RestController
@RequestMapping("/api/v1/duplicates/model")
class MatchModelController {

    private final MatchModels models;
    private final MatchModelEstimation estimation;

    MatchModelController(MatchModels models, MatchModelEstimation estimation) {
        this.models = models;
        this.estimation = estimation;
    }

    /** One level of one field: how often it is seen within one household (m) and between two (u), and its weight. */
    public record Level(String field, String level, double m, double u, double weight) {
    }

    public record ModelView(double lambda, long pairs, String source, Instant trainedAt, double caseThreshold,
                            double candidateThreshold, List<Level> levels) {
        static ModelView of(MatchModel model) {
            List<Level> levels = new ArrayList<>();
            for (Comparison.Field field : Comparison.Field.values()) {
                for (int l = 0; l < field.levels().size(); l++) {
                    levels.add(new Level(field.name(), field.levels().get(l), model.m()[field.ordinal()][l],
                            model.u()[field.ordinal()][l], Math.round(model.weight(field, l) * 100) / 100.0));
                }
            }
            return new ModelView(model.lambda(), model.pairs(), model.source(), model.trainedAt(), MatchScorer.CASE_THRESHOLD,
                    MatchScorer.CANDIDATE_THRESHOLD, levels);
        }
    }

    @Operation(summary = "The model that scores possible duplicates: each field's levels with their weights (log2 m/u)")
    @GetMapping
    public ModelView current() {
        return ModelView.of(models.current());
    }

    @Operation(summary = "Re-estimate the model from the registry's own households (EM); it goes into force unless "
            + "its weights point the wrong way (422) or there are too few households yet (422)")
    @PostMapping("/estimate")
    @PreAuthorize("hasRole('ADMIN')")
    public ModelView estimate() {
        return ModelView.of(estimation.reestimate());
    }
}
