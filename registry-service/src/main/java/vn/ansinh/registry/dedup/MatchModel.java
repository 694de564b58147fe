package vn.ansinh.registry.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

/**
 * The Fellegi–Sunter model of two households being one: for each field of a {@link Comparison} and
 * each of its levels, how often the level is seen between records of one household ({@code m}) and
 * between records of two ({@code u}), and how often a pair that blocking brings together is one
 * household ({@code lambda}). A level's weight is log₂(m/u): what it says, for or against. The numbers
 * are estimated from data (see {@link MatchModelTraining}), never set by hand.
 *
 * @param m       per field, per level: P(level | same household)
 * @param u       per field, per level: P(level | different households)
 * @param lambda  P(same household) among the pairs blocking brings together
 * @param pairs   how many pairs the estimate was made from
 * @param source  what data it was estimated from
 * @param trainedAt when
 */
public record MatchModel(double[][] m, double[][] u, double lambda, long pairs, String source, Instant trainedAt) {

    /** Log₂ of the Bayes factor of one level: above zero speaks for one household, below against. */
    public double weight(Comparison.Field field, int level) {
        return log2(m[field.ordinal()][level] / u[field.ordinal()][level]);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    public Document toDocument() {
        Document fields = new Document();
        for (Comparison.Field field : Comparison.Field.values()) {
            Document levels = new Document();
            for (int l = 0; l < field.levels().size(); l++) {
                levels.append(field.levels().get(l), new Document("m", m[field.ordinal()][l]).append("u", u[field.ordinal()][l]));
            }
            fields.append(field.name(), levels);
        }
        return new Document("lambda", lambda).append("pairs", pairs).append("source", source)
                .append("trainedAt", trainedAt == null ? null : trainedAt.toString()).append("fields", fields);
    }

    public static MatchModel fromDocument(Document document) {
        Comparison.Field[] all = Comparison.Field.values();
        double[][] m = new double[all.length][];
        double[][] u = new double[all.length][];
        Document fields = document.get("fields", Document.class);
        for (Comparison.Field field : all) {
            Document levels = fields.get(field.name(), Document.class);
            m[field.ordinal()] = new double[field.levels().size()];
            u[field.ordinal()] = new double[field.levels().size()];
            for (int l = 0; l < field.levels().size(); l++) {
                Document level = levels.get(field.levels().get(l), Document.class);
                m[field.ordinal()][l] = ((Number) level.get("m")).doubleValue();
                u[field.ordinal()][l] = ((Number) level.get("u")).doubleValue();
            }
        }
        Object at = document.get("trainedAt");
        return new MatchModel(m, u, ((Number) document.get("lambda")).doubleValue(), ((Number) document.get("pairs")).longValue(),
                document.getString("source"), at == null ? null : Instant.parse(at.toString()));
    }

    /** The model shipped with the registry, estimated from a generated population (see the README). */
    public static MatchModel shipped() {
        try (InputStream in = MatchModel.class.getResourceAsStream("/dedup/match-model.json")) {
            if (in == null) {
                throw new IllegalStateException("dedup/match-model.json is missing from the registry's resources");
            }
            return fromDocument(Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weights in words, for the people who read why a pair was scored as it was. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Comparison.Field field : Comparison.Field.values()) {
            for (int l = 0; l < field.levels().size(); l++) {
                lines.add(String.format("%s=%s: m %.4f, u %.4f, weight %+.2f", field, field.levels().get(l),
                        m[field.ordinal()][l], u[field.ordinal()][l], weight(field, l)));
            }
        }
        return lines;
    }
}
