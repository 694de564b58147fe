package vn.ansinh.registry.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Estimates a {@link MatchModel} from unlabelled households, as Splink does:
 * <ol>
 *   <li>{@code u} — how often each level is seen between two different households — from pairs drawn
 *   at random (two random households are almost never one);</li>
 *   <li>{@code m} — how often each level is seen between two records of one household — by
 *   expectation–maximisation over the pairs each blocking rule brings together, one session per rule;
 *   a session leaves out the fields its rule compares (a pair found by its phone says nothing new by
 *   agreeing on the phone), and each field's {@code m} is the average over the sessions that estimated it;</li>
 *   <li>{@code lambda} — the share of one-household pairs among all the pairs blocking brings together —
 *   by EM once more over all of them, with {@code m} and {@code u} fixed.</li>
 * </ol>
 * Fields are taken as independent within a class, the model's assumption.
 */
public final class MatchModelTraining {

    /** A small count added to every level, so that a level never seen keeps a small chance. */
    private static final double SMOOTHING = 0.5;
    private static final int MAX_ITERATIONS = 100;
    private static final double CONVERGED = 1e-6;
    /** A rule with fewer pairs than this tells too little to estimate from. */
    private static final int MIN_PAIRS = 30;

    /** The fields each blocking rule compares (see {@link BlockingKeys}): left out of that rule's session. */
    private static final Map<String, Set<Comparison.Field>> RULE_FIELDS = Map.of(
            "id", EnumSet.of(Comparison.Field.CITIZEN_ID),
            "ph", EnumSet.of(Comparison.Field.PHONE),
            "ny", EnumSet.of(Comparison.Field.NAME, Comparison.Field.BIRTH_DATE),
            "gd", EnumSet.of(Comparison.Field.NAME, Comparison.Field.BIRTH_DATE),
            "fd", EnumSet.of(Comparison.Field.NAME, Comparison.Field.BIRTH_DATE),
            "un", EnumSet.of(Comparison.Field.NAME, Comparison.Field.PLACE),
            "sd", EnumSet.of(Comparison.Field.NAME, Comparison.Field.BIRTH_DATE),
            "sy", EnumSet.of(Comparison.Field.NAME, Comparison.Field.BIRTH_DATE));

    private MatchModelTraining() {
    }

    /**
     * Estimates a model from a sample of households: the pairs their blocking keys bring together (no
     * all-pairs: blocks larger than {@link DuplicateFinder#MAX_BLOCK} are skipped, as the finder skips
     * them) and as many pairs drawn at random.
     */
    public static MatchModel estimate(List<HouseholdProfile> sample, long seed, String source, Instant at) {
        // As the finder does: each household's sought keys against the blocks of filed keys.
        Map<String, List<HouseholdProfile>> blocks = new HashMap<>();
        Map<HouseholdProfile, Set<String>> soughtBy = new HashMap<>();
        for (HouseholdProfile household : sample) {
            BlockingKeys.Keys keys = BlockingKeys.of(household);
            soughtBy.put(household, keys.sought());
            for (String key : keys.filed()) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(household);
            }
        }
        Map<String, List<Comparison>> byRule = new HashMap<>();
        Map<String, Set<String>> seenByRule = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Comparison> all = new ArrayList<>();
        for (HouseholdProfile household : sample) {
            for (String key : soughtBy.get(household)) {
                List<HouseholdProfile> block = blocks.getOrDefault(key, List.of());
                if (block.size() > DuplicateFinder.MAX_BLOCK) {
                    continue;
                }
                String rule = key.substring(0, key.indexOf(':'));
                for (HouseholdProfile other : block) {
                    if (other == household) {
                        continue;
                    }
                    String pair = pair(household, other);
                    boolean newInRule = seenByRule.computeIfAbsent(rule, r -> new HashSet<>()).add(pair);
                    boolean newAtAll = seen.add(pair);
                    if (newInRule || newAtAll) {
                        Comparison comparison = Comparison.of(household, other);
                        if (newInRule) {
                            byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(comparison);
                        }
                        if (newAtAll) {
                            all.add(comparison);
                        }
                    }
                }
            }
        }
        Random random = new Random(seed);
        List<Comparison> randomPairs = new ArrayList<>();
        int wanted = Math.max(20_000, all.size());
        for (int n = 0; n < wanted && sample.size() > 1; n++) {
            HouseholdProfile a = sample.get(random.nextInt(sample.size()));
            HouseholdProfile b = sample.get(random.nextInt(sample.size()));
            if (a != b) {
                randomPairs.add(Comparison.of(a, b));
            }
        }
        return estimate(byRule, all, randomPairs, source, at);
    }

    static MatchModel estimate(Map<String, List<Comparison>> byRule, List<Comparison> all, List<Comparison> randomPairs,
                               String source, Instant at) {
        Comparison.Field[] fields = Comparison.Field.values();
        double[][] u = frequencies(randomPairs, null, true, fields.length);
        double[][] mSum = new double[fields.length][];
        double[] mWeight = new double[fields.length];
        for (Comparison.Field field : fields) {
            mSum[field.ordinal()] = new double[field.levels().size()];
        }
        byRule.forEach((rule, pairs) -> {
            if (pairs.size() < MIN_PAIRS) {
                return;
            }
            Set<Comparison.Field> left = RULE_FIELDS.getOrDefault(rule, Set.of());
            Session session = session(pairs, u, left);
            for (Comparison.Field field : fields) {
                if (!left.contains(field)) {
                    double weight = session.expectedMatches();
                    for (int l = 0; l < field.levels().size(); l++) {
                        mSum[field.ordinal()][l] += session.m()[field.ordinal()][l] * weight;
                    }
                    mWeight[field.ordinal()] += weight;
                }
            }
        });
        double[][] m = new double[fields.length][];
        for (Comparison.Field field : fields) {
            int f = field.ordinal();
            m[f] = mWeight[f] > 0 ? Arrays.stream(mSum[f]).map(x -> x / mWeight[f]).toArray() : startingM()[f];
        }
        double lambda = lambdaOnly(all, m, u);
        return new MatchModel(m, u, lambda, all.size(), source, at);
    }

    /** One EM session's estimate: m for the fields it leaves in, and how many matches it saw. */
    private record Session(double[][] m, double expectedMatches) {
    }

    private static Session session(List<Comparison> pairs, double[][] u, Set<Comparison.Field> leftOut) {
        Comparison.Field[] fields = Comparison.Field.values();
        double[][] m = startingM();
        double lambda = 0.3;
        double[] posterior = new double[pairs.size()];
        double total = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            total = 0;
            for (int p = 0; p < pairs.size(); p++) {
                double same = lambda;
                double different = 1 - lambda;
                for (Comparison.Field field : fields) {
                    if (leftOut.contains(field)) {
                        continue;
                    }
                    int level = pairs.get(p).level(field);
                    same *= m[field.ordinal()][level];
                    different *= u[field.ordinal()][level];
                }
                posterior[p] = same / (same + different);
                total += posterior[p];
            }
            double[][] newM = frequencies(pairs, posterior, true, fields.length);
            double newLambda = Math.min(0.999, Math.max(1e-6, total / pairs.size()));
            double change = Math.abs(newLambda - lambda) + distance(newM, m);
            m = newM;
            lambda = newLambda;
            if (change < CONVERGED) {
                break;
            }
        }
        return new Session(m, total);
    }

    private static double lambdaOnly(List<Comparison> pairs, double[][] m, double[][] u) {
        double lambda = 0.1;
        for (int iteration = 0; iteration < MAX_ITERATIONS && !pairs.isEmpty(); iteration++) {
            double total = 0;
            for (Comparison pair : pairs) {
                double same = lambda;
                double different = 1 - lambda;
                for (Comparison.Field field : Comparison.Field.values()) {
                    same *= m[field.ordinal()][pair.level(field)];
                    different *= u[field.ordinal()][pair.level(field)];
                }
                total += same / (same + different);
            }
            double next = Math.min(0.999, Math.max(1e-6, total / pairs.size()));
            boolean done = Math.abs(next - lambda) < CONVERGED;
            lambda = next;
            if (done) {
                break;
            }
        }
        return lambda;
    }

    private static double[][] startingM() {
        // Only where EM starts: one household's two records mostly agree, and less so on weaker levels.
        double[][] m = new double[Comparison.Field.values().length][];
        for (Comparison.Field field : Comparison.Field.values()) {
            int n = field.levels().size();
            m[field.ordinal()] = new double[n];
            double left = 1;
            for (int l = 0; l < n; l++) {
                double share = l == n - 1 ? left : left * 0.6;
                m[field.ordinal()][l] = share;
                left -= share;
            }
        }
        return m;
    }

    private static double[][] frequencies(List<Comparison> pairs, double[] posterior, boolean sameHousehold, int fieldCount) {
        Comparison.Field[] fields = Comparison.Field.values();
        double[][] counts = new double[fieldCount][];
        for (Comparison.Field field : fields) {
            counts[field.ordinal()] = new double[field.levels().size()];
            Arrays.fill(counts[field.ordinal()], SMOOTHING);
        }
        for (int p = 0; p < pairs.size(); p++) {
            double weight = posterior == null ? 1 : sameHousehold ? posterior[p] : 1 - posterior[p];
            for (Comparison.Field field : fields) {
                counts[field.ordinal()][pairs.get(p).level(field)] += weight;
            }
        }
        for (double[] levels : counts) {
            double sum = Arrays.stream(levels).sum();
            for (int l = 0; l < levels.length; l++) {
                levels[l] /= sum;
            }
        }
        return counts;
    }

    private static double distance(double[][] a, double[][] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                d += Math.abs(a[i][j] - b[i][j]);
            }
        }
        return d;
    }

    private static String pair(HouseholdProfile a, HouseholdProfile b) {
        return a.householdId().compareTo(b.householdId()) < 0 ? a.householdId() + "|" + b.householdId()
                : b.householdId() + "|" + a.householdId();
    }
}
