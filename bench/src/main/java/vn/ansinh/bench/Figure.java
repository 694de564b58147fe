package vn.ansinh.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One measured figure, printed as a line {@code FIGURE <json>} that {@code bench/run} collects into its
 * table and JSON: what was measured, its value and unit, the ceiling measured in the same run (or
 * none), and the target as the issue states it. The ratio and whether the target is met are worked
 * out here only: the shell scripts print the measurements, not their verdicts.
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

    /** Reads a figure back from its JSON (a {@code FIGURE} line, or a run's file); ratio and met are derived again. */
    static Figure parse(JsonNode json) {
        return new Figure(json.get("figure").asString(), json.get("value").asDouble(), json.get("unit").asString(),
                json.path("ceiling").isNumber() ? json.get("ceiling").asDouble() : null, json.get("target").asDouble(),
                json.get("higherIsBetter").asBoolean(), json.path("note").asString(""));
    }

    /** Prints the figure for {@code bench/run} (and for a person reading the output). */
    public void print() {
        System.out.println("FIGURE " + JSON.writeValueAsString(asJson()));
    }

    /** The figure with its ratio and verdict, as written to the run's JSON. */
    Map<String, Object> asJson() {
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
        return line;
    }
}
