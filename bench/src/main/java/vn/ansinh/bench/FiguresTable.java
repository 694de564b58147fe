package vn.ansinh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gathers the {@code FIGURE} lines every benchmark of a {@code bench/run} printed into one table: prints
 * it, writes it as JSON, and, when asked, puts it into the README between its two markers — so the
 * README's figures are always the last run's, never typed by hand.
 * <p>
 * Usage: {@code FiguresTable <figure lines> <json out> [README.md to update]}; or
 * {@code FiguresTable --readme <json> <README.md>} to update the README from a JSON already written.
 */
public final class FiguresTable {

    static final String BEGIN = "<!-- bench/run figures: generated from bench/target/figures.json, do not edit by hand -->";
    static final String END = "<!-- end of bench/run figures -->";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FiguresTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--readme")) {
            JsonNode run = JSON.readTree(Files.readString(Path.of(args[1])));
            List<Figure> figures = new ArrayList<>();
            run.get("figures").forEach(figure -> figures.add(Figure.parse(figure)));
            updateReadme(Path.of(args[2]), table(run.get("measuredAt").asString(), run.get("machine").asString(), figures));
            return;
        }
        List<Figure> figures = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int at = line.indexOf("FIGURE ");
            if (at >= 0) {
                figures.add(Figure.parse(JSON.readTree(line.substring(at + "FIGURE ".length()))));
            }
        }
        String measuredAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + ", Java "
                + System.getProperty("java.version");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("measuredAt", measuredAt);
        run.put("machine", machine);
        run.put("figures", figures.stream().map(Figure::asJson).toList());
        Files.writeString(Path.of(args[1]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run));
        String table = table(measuredAt, machine, figures);
        System.out.println();
        System.out.println(table);
        System.out.println("Written to " + args[1]);
        if (args.length > 2) {
            updateReadme(Path.of(args[2]), table);
        }
    }

    private static void updateReadme(Path readme, String table) throws IOException {
        String text = Files.readString(readme);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(readme + " has no figures markers (" + BEGIN + " ... " + END + ")");
        }
        Files.writeString(readme, text.substring(0, begin + BEGIN.length()) + "\n" + table + "\n" + text.substring(end));
        System.out.println("README figures updated: " + readme);
    }

    /** A Markdown table: figure, value, ceiling measured in the same run, ratio, target, met. */
    static String table(String measuredAt, String machine, List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append("Measured ").append(measuredAt.substring(0, 16).replace('T', ' ')).append(" on ").append(machine)
                .append(" by `./bench/run`.\n\n");
        out.append("| figure | measured | ceiling (same run) | ratio | target | met | how |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure figure : figures) {
            boolean relative = figure.ceiling() != null;
            String unit = figure.unit();
            out.append("| ").append(figure.figure())
                    .append(" | ").append(number(figure.value())).append(' ').append(unit)
                    .append(" | ").append(relative ? number(figure.ceiling()) + " " + unit : "—")
                    .append(" | ").append(relative ? String.format(Locale.ROOT, "%.2f", figure.ratio()) : "—")
                    .append(" | ").append(relative ? "≥ " + String.format(Locale.ROOT, "%.2f", figure.target())
                            : (figure.higherIsBetter() ? "≥ " : "≤ ") + number(figure.target()) + " " + unit)
                    .append(" | ").append(figure.met() ? "yes" : "**no**")
                    .append(" | ").append(figure.note() == null ? "" : figure.note().replace("|", "/"))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
