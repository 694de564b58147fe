package vn.ansinh.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * One measured figure, printed as a line {@code FIGURE <json>} that {@code bench/run} collects into its
 * table and JSON: what was measured, its value and unit, the ceiling measured in the same run (or
 * none), and the target as the issue states it.
 *
 * @param ceiling    what the same machine does without our code in the way (a bare endpoint, Kafka's
 *                   own producer), measured in the same run; null when the target is absolute
 * @param target     the target: a ratio to the ceiling when there is one, else an absolute bound
 * @param higherIsBetter whether the value must reach the target (rates) or stay under it (latencies, times)
 */
public record Figure(String figure, double value, String unit, Double ceiling, double target, boolean higherIsBetter,
                     String note) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A rate or time measured against an absolute target. */
    public static Figure absolute(String figure, double value, String unit, double target, boolean higherIsBetter, String note) {
        return new Figure(figure, value, unit, null, target, higherIsBetter, note);
    }

    /** A rate measured against a ceiling: the target is a share of it. */
    public static Figure ofCeiling(String figure, double value, String unit, double ceiling, double targetRatio, String note) {
        return new Figure(figure, value, unit, ceiling, targetRatio, true, note);
    }

    public Double ratio() {
        return ceiling == null || ceiling == 0 ? null : value / ceiling;
    }

    public boolean met() {
        double measured = ceiling == null ? value : ratio();
        return higherIsBetter ? measured >= target : measured <= target;
    }

    /** Prints the figure for {@code bench/run} (and for a person reading the output). */
    public void print() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("figure", figure);
        line.put("value", value);
        line.put("unit", unit);
        line.put("ceiling", ceiling);
        line.put("ratio", ratio());
        line.put("target", target);
        line.put("higherIsBetter", higherIsBetter);
        line.put("met", met());
        line.put("note", note);
        System.out.println("FIGURE " + JSON.writeValueAsString(line));
    }
}
