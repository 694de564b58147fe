package vn.ansinh.registry.dedup;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Scores how likely two households are one, from 0 to 1, with the reasons an officer reads: the
 * {@link Comparison} of the two, weighed by a {@link MatchModel} estimated from data (Fellegi–Sunter).
 */
public final class MatchScorer {

    /** Pairs at or above this chance open a case for a district officer. */
    public static final double CASE_THRESHOLD = 0.9;
    /** Pairs at or above this chance are shown to the officer who registers. */
    public static final double CANDIDATE_THRESHOLD = 0.5;

    /** The model's weights, worked out once: scoring runs for every block-mate of every registration. */
    private final double[][] weights;
    private final double priorLogOdds;

    public MatchScorer(MatchModel model) {
        Comparison.Field[] fields = Comparison.Field.values();
        this.weights = new double[fields.length][];
        for (Comparison.Field field : fields) {
            weights[field.ordinal()] = new double[field.levels().size()];
            for (int level = 0; level < field.levels().size(); level++) {
                weights[field.ordinal()][level] = model.weight(field, level);
            }
        }
        this.priorLogOdds = Math.log(model.lambda() / (1 - model.lambda())) / Math.log(2);
    }

    /**
     * @param score          the chance the two are one household
     * @param reasons        why, in words an officer reads
     * @param matchedMembers pairs of member indices (first household, second) of the people who match
     * @param levels         the comparison: one level per {@link Comparison.Field}, kept on a case so that
     *                       officers' decisions can check a later model
     */
    public record Match(double score, Set<MatchReason> reasons, List<int[]> matchedMembers, int[] levels) {
    }

    public Match score(HouseholdProfile a, HouseholdProfile b) {
        Comparison comparison = Comparison.of(a, b);
        return new Match(scoreOf(comparison.levels()), reasons(comparison), comparison.matchedMembers(), comparison.levels());
    }

    /** The score of a comparison already made (one level per field, in field order). */
    public double scoreOf(int[] levels) {
        double logOdds = priorLogOdds;
        for (Comparison.Field field : Comparison.Field.values()) {
            logOdds += weights[field.ordinal()][levels[field.ordinal()]];
        }
        return chance(logOdds);
    }

    /**
     * One field's part in a score: how alike the two households are in it, and the weight that level
     * adds (in bits: +1 doubles the odds of one household, -1 halves them).
     */
    public record Evidence(Comparison.Field field, String level, double weight) {
    }

    /**
     * The score taken apart for an officer: the odds any two households are one before looking at
     * them ({@code priorWeight}), then each field's evidence; their sum gives the score.
     *
     * @param matchedMembers pairs of member indices (first household, second) of the people who match
     */
    public record Explanation(double score, double priorWeight, List<Evidence> evidence, List<int[]> matchedMembers) {
    }

    public Explanation explain(HouseholdProfile a, HouseholdProfile b) {
        Comparison comparison = Comparison.of(a, b);
        double logOdds = priorLogOdds;
        List<Evidence> evidence = new java.util.ArrayList<>();
        for (Comparison.Field field : Comparison.Field.values()) {
            double weight = weights[field.ordinal()][comparison.level(field)];
            logOdds += weight;
            evidence.add(new Evidence(field, field.levels().get(comparison.level(field)), Math.round(weight * 10) / 10.0));
        }
        return new Explanation(chance(logOdds), Math.round(priorLogOdds * 10) / 10.0, List.copyOf(evidence),
                comparison.matchedMembers());
    }

    private static double chance(double logOdds) {
        return Math.round(1 / (1 + Math.pow(2, -logOdds)) * 1000) / 1000.0;
    }

    static Set<MatchReason> reasons(Comparison c) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        int name = c.level(Comparison.Field.NAME);
        int birth = c.level(Comparison.Field.BIRTH_DATE);
        if (c.level(Comparison.Field.CITIZEN_ID) == Comparison.ID_SAME) {
            reasons.add(MatchReason.SAME_CITIZEN_ID);
        }
        if (c.level(Comparison.Field.PHONE) == 0) {
            reasons.add(MatchReason.SAME_PHONE);
        }
        boolean nameAlike = name <= Comparison.NAME_WITHOUT_MIDDLE;
        if (name == Comparison.NAME_EXACT && birth == Comparison.BIRTH_EXACT) {
            reasons.add(MatchReason.SAME_NAME_AND_BIRTH_DATE);
        } else if (nameAlike && birth == Comparison.BIRTH_EXACT) {
            reasons.add(MatchReason.SIMILAR_NAME_AND_BIRTH_DATE);
        } else if (nameAlike && birth == Comparison.BIRTH_SWAPPED) {
            reasons.add(MatchReason.NAME_AND_SWAPPED_BIRTH_DATE);
        } else if (nameAlike && birth <= Comparison.BIRTH_SAME_YEAR) {
            reasons.add(MatchReason.SAME_NAME_AND_BIRTH_YEAR);
        }
        int others = c.level(Comparison.Field.OTHER_MEMBERS);
        if (others >= 2) {
            reasons.add(c.level(Comparison.Field.PLACE) == 0 ? MatchReason.SAME_ADDRESS_AND_MEMBERS : MatchReason.OTHER_MEMBERS_MATCH);
        }
        return reasons;
    }
}
