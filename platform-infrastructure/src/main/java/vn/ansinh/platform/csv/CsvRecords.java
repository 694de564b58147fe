package vn.ansinh.platform.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold the separator, quotes and line
 * breaks). Spreadsheets in Vietnam save with a comma or, with Vietnamese regional settings, a
 * semicolon; the separator is taken from the header line. A UTF-8 byte-order mark is dropped.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** One record as a CSV line (RFC 4180, comma), fields quoted where they need it, ending in CRLF. */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (i > 0) {
                line.append(',');
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append("\r\n").toString();
    }

    /** A text cell that a spreadsheet would run as a formula ("=...", "+...", "-...", "@...") is kept as text. */
    public static String spreadsheetSafe(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** All records of a text; {@link CsvReader} reads the same records one at a time from a stream. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new java.io.StringReader(text))) {
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        } catch (java.io.IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return records;
    }
}
