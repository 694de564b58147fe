package vn.ansinh.platform.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time from a stream, so a file's size never decides the heap: the same
 * rules as {@link CsvRecords} (RFC 4180 quoting, comma or the semicolon of Vietnamese regional settings
 * taken from the header line, a UTF-8 byte-order mark dropped), one record in memory at a time.
 */
public final class CsvReader implements AutoCloseable {

    /** The longest header line looked at to choose the separator. */
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private final BufferedReader in;
    private final char separator;
    private int records;

    public CsvReader(InputStream stream) throws IOException {
        this(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    /**
     * A file whose first line is not its header (a bank's statement opens with the account's details):
     * the separator is given, not guessed from that line.
     */
    public CsvReader(InputStream stream, char separator) throws IOException {
        this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 64 * 1024);
        in.mark(1);
        if (in.read() != '\uFEFF') {
            in.reset();
        }
        this.separator = separator;
    }

    public CsvReader(Reader reader) throws IOException {
        this.in = new BufferedReader(reader, 64 * 1024);
        in.mark(HEADER_LOOKAHEAD + 1);
        int first = in.read();
        if (first != '\uFEFF') {
            in.reset();
            in.mark(HEADER_LOOKAHEAD);
        } else {
            in.mark(HEADER_LOOKAHEAD);
        }
        int semicolons = 0;
        int commas = 0;
        for (int i = 0, c = in.read(); i < HEADER_LOOKAHEAD && c >= 0 && c != '\n'; i++, c = in.read()) {
            semicolons += c == ';' ? 1 : 0;
            commas += c == ',' ? 1 : 0;
        }
        in.reset();
        this.separator = semicolons > commas ? ';' : ',';
    }

    /** The next record, or null at the end of the file. */
    public List<String> next() {
        try {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (c >= 0) {
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int after = in.read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (after >= 0) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    break;
                } else {
                    field.append((char) c);
                }
                c = in.read();
            }
            fields.add(field.toString());
            records++;
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many records have been read: the last one's number in the file (the header is 1). */
    public int recordsRead() {
        return records;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
