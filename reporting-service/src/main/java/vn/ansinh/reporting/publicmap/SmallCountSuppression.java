package vn.ansinh.reporting.publicmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Hides counts small enough to point at a family. A count from 1 to {@code minCount - 1} is
 * hidden; and when exactly one count of a column is hidden, the next smallest is hidden too,
 * because otherwise the total minus the others would give it away.
 */
final class SmallCountSuppression {

    /** A row being suppressed: its counts by column, null where not kept. */
    static final class Row {
        final String code;
        final String name;
        final Long[] counts;
        final List<String> suppressed = new ArrayList<>();

        Row(String code, String name, Long... counts) {
            this.code = code;
            this.name = name;
            this.counts = counts;
        }

        PublicArea toArea() {
            return new PublicArea(code, name, counts[0], counts[1], counts[2], counts[3], List.copyOf(suppressed));
        }
    }

    static final List<String> COLUMNS = List.of("inNeed", "approved", "helped", "openOmissionReports");

    private SmallCountSuppression() {
    }

    static List<PublicArea> suppress(List<Row> rows, int minCount) {
        for (int column = 0; column < COLUMNS.size(); column++) {
            int c = column;
            List<Row> hidden = rows.stream().filter(row -> isSmall(row.counts[c], minCount)).toList();
            hidden.forEach(row -> hide(row, c));
            if (hidden.size() == 1) {
                rows.stream().filter(row -> row.counts[c] != null && row.counts[c] > 0)
                        .min(Comparator.comparing((Function<Row, Long>) row -> row.counts[c]))
                        .ifPresent(row -> hide(row, c));
            }
        }
        return rows.stream().map(Row::toArea).toList();
    }

    static PublicArea suppressTotal(Row total, int minCount) {
        for (int column = 0; column < COLUMNS.size(); column++) {
            if (isSmall(total.counts[column], minCount)) {
                hide(total, column);
            }
        }
        return total.toArea();
    }

    private static boolean isSmall(Long count, int minCount) {
        return count != null && count > 0 && count < minCount;
    }

    private static void hide(Row row, int column) {
        row.counts[column] = null;
        row.suppressed.add(COLUMNS.get(column));
    }
}
