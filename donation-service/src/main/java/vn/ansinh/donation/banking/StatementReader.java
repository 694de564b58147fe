package vn.ansinh.donation.banking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import vn.ansinh.platform.csv.CsvReader;
import vn.ansinh.platform.domain.Refusal;

/**
 * Reads a bank's statement, CSV or XLSX as banks export them: the lines above the table (the account,
 * the period) are passed over until a row names every mapped column; below it each row is a
 * transaction, a blank or summary row (no date and no reference) is passed over, and a row that cannot
 * be read is reported with its number and why. Amounts are whole đồng in whichever way the bank writes
 * them ("1.500.000", "1,500,000", "1500000.00", "-200.000"); dates are Vietnam's local time.
 */
final class StatementReader {

    /** How far down a statement its table may start. */
    static final int HEADER_SEARCH_ROWS = 50;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final java.util.regex.Pattern AMOUNT =
            java.util.regex.Pattern.compile("^([+-]?)(\\d{1,3}([.,])\\d{3}(?:\\3\\d{3})*|\\d+)(?:([.,])(\\d{1,2}))?$");
    private static final java.util.regex.Pattern EXCEL_SERIAL = java.util.regex.Pattern.compile("^\\d{5}(\\.\\d+)?$");
    private static final List<DateTimeFormatter> USUAL_DATES = Stream.of("dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm", "dd/MM/yyyy",
            "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy", "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd").map(DateTimeFormatter::ofPattern).toList();

    /** A row that could not be read: its number in the file and why, in the reader's language. */
    record RowError(int row, String reason) {
    }

    /** Why a row cannot be read: a message code of {@code statement-row.*} and its arguments. */
    static final class Unreadable extends IllegalArgumentException {
        private final String code;
        private final transient Object[] arguments;

        Unreadable(String code, Object... arguments) {
            super(code);
            this.code = code;
            this.arguments = arguments;
        }
    }

    private final StatementColumns columns;
    private final DateTimeFormatter givenDateFormat;
    private final java.util.function.BiFunction<String, Object[], String> words;

    /** @param words a row problem's code and arguments in the words of whoever imports the statement */
    StatementReader(StatementColumns columns, java.util.function.BiFunction<String, Object[], String> words) {
        this.columns = columns;
        this.words = words;
        this.givenDateFormat = columns.dateFormat() == null || columns.dateFormat().isBlank() ? null
                : DateTimeFormatter.ofPattern(columns.dateFormat());
    }

    /**
     * Reads the whole file, handing each transaction and each unreadable row over as it goes.
     *
     * @throws Refusal invalid {@code file} when no row within the first {@value #HEADER_SEARCH_ROWS} names the columns
     */
    void read(byte[] file, Consumer<StatementLine> lines, Consumer<RowError> errors) {
        boolean xlsx = file.length > 2 && file[0] == 'P' && file[1] == 'K';
        if (ReadableWorkbook.isOLE2Header(java.util.Arrays.copyOf(file, Math.min(file.length, 8)))) {
            throw Refusal.invalid("file", "is an old Excel workbook (.xls): save it as .xlsx or CSV and import that");
        }
        try {
            if (xlsx) {
                try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file),
                        new ReadingOptions(true, false));
                     Stream<Row> rows = workbook.getFirstSheet().openStream()) {
                    readRecords(rows.map(StatementReader::cellsOf).iterator(), lines, errors);
                }
            } else {
                try (CsvReader csv = new CsvReader(new ByteArrayInputStream(file), columns.separatorChar())) {
                    readRecords(new Iterator<>() {
                        private List<String> next = csv.next();

                        @Override
                        public boolean hasNext() {
                            return next != null;
                        }

                        @Override
                        public Numbered next() {
                            Numbered current = new Numbered(csv.recordsRead(), next);
                            next = csv.next();
                            return current;
                        }
                    }, lines, errors);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException notReadable) {
            throw Refusal.invalid("file", xlsx ? "is not a readable XLSX workbook" : "is not a readable CSV file");
        }
    }

    private record Numbered(int row, List<String> cells) {
    }

    /** A spreadsheet row as text; a date cell as ISO date-time, whatever format the sheet shows it in. */
    private static Numbered cellsOf(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null || cell.getType() == CellType.EMPTY) {
                cells.add("");
            } else if (cell.getType() == CellType.NUMBER && looksLikeDate(cell)) {
                cells.add(cell.asDate().toString());
            } else if (cell.getType() == CellType.NUMBER) {
                cells.add(cell.asNumber().toPlainString());
            } else {
                cells.add(cell.getText());
            }
        }
        return new Numbered(row.getRowNum(), cells);
    }

    private static boolean looksLikeDate(Cell cell) {
        String format = cell.getDataFormatString();
        return format != null && format.toLowerCase(Locale.ROOT).matches(".*[dy].*") && !format.contains("#");
    }

    private void readRecords(Iterator<Numbered> records, Consumer<StatementLine> lines, Consumer<RowError> errors) {
        int[] header = null;
        while (records.hasNext()) {
            Numbered record = records.next();
            if (header == null) {
                header = headerIn(record.cells());
                if (header == null && record.row() >= HEADER_SEARCH_ROWS) {
                    break;
                }
                continue;
            }
            readLine(record, header, lines, errors);
        }
        if (header == null) {
            throw Refusal.invalid("file", "no row within the first " + HEADER_SEARCH_ROWS + " names the mapped columns ("
                    + String.join(", ", wanted().stream().filter(name -> name != null && !name.isBlank()).toList()) + ")");
        }
    }

    private List<String> wanted() {
        List<String> names = new ArrayList<>();
        names.add(columns.date());
        names.add(columns.amount());
        names.add(columns.credit());
        names.add(columns.debit());
        names.add(columns.reference());
        names.add(columns.description());
        return names;
    }

    /** The positions of the mapped columns when this row is the table's header (-1 for an unmapped one), else null. */
    private int[] headerIn(List<String> cells) {
        List<String> folded = cells.stream().map(StatementReader::fold).toList();
        List<String> names = wanted();
        int[] positions = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            positions[i] = name == null || name.isBlank() ? -1 : folded.indexOf(fold(name));
            if (name != null && !name.isBlank() && positions[i] < 0) {
                return null;
            }
        }
        return positions;
    }

    private void readLine(Numbered record, int[] header, Consumer<StatementLine> lines, Consumer<RowError> errors) {
        List<String> cells = record.cells();
        String date = cell(cells, header[0]);
        String reference = cell(cells, header[4]);
        if (date.isEmpty() && reference.isEmpty()) {
            return; // a blank line, a subtotal or the closing balance: not a transaction
        }
        try {
            long amount;
            if (header[1] >= 0) {
                amount = amountOf(cell(cells, header[1]));
            } else {
                long in = cell(cells, header[2]).isEmpty() ? 0 : Math.abs(amountOf(cell(cells, header[2])));
                long out = header[3] < 0 || cell(cells, header[3]).isEmpty() ? 0 : Math.abs(amountOf(cell(cells, header[3])));
                amount = in > 0 ? in : -out;
            }
            if (reference.isEmpty()) {
                throw new Unreadable("no-reference");
            }
            lines.accept(new StatementLine(record.row(), dateOf(date), amount, reference, cell(cells, header[5])));
        } catch (Unreadable unreadable) {
            errors.accept(new RowError(record.row(), words.apply("statement-row." + unreadable.code, unreadable.arguments)));
        }
    }

    private static String cell(List<String> cells, int position) {
        return position < 0 || position >= cells.size() || cells.get(position) == null ? "" : cells.get(position).strip();
    }

    /** Whole đồng: thousands grouped by dots or commas, or none; a fraction of a đồng must be zero. */
    static long amountOf(String text) {
        String compact = text.replace(" ", "").replace("\u00A0", "").replace("VND", "").replace("đ", "");
        if (compact.isEmpty()) {
            throw new Unreadable("no-amount");
        }
        Matcher parts = AMOUNT.matcher(compact);
        if (!parts.matches()) {
            throw new Unreadable("not-an-amount", text);
        }
        String fraction = parts.group(5);
        if (parts.group(3) != null && parts.group(4) != null && parts.group(3).equals(parts.group(4))) {
            throw new Unreadable("not-an-amount", text);
        }
        if (fraction != null && !fraction.matches("0+")) {
            throw new Unreadable("fraction", text);
        }
        try {
            long amount = Long.parseLong(parts.group(2).replace(".", "").replace(",", ""));
            return parts.group(1).equals("-") ? -amount : amount;
        } catch (NumberFormatException tooLarge) {
            throw new Unreadable("too-large", text);
        }
    }

    private java.time.Instant dateOf(String text) {
        if (text.isEmpty()) {
            throw new Unreadable("no-date");
        }
        for (DateTimeFormatter format : givenDateFormat == null ? USUAL_DATES : List.of(givenDateFormat)) {
            try {
                var parsed = format.parseBest(text, LocalDateTime::from, LocalDate::from);
                LocalDateTime local = parsed instanceof LocalDate day ? day.atStartOfDay() : (LocalDateTime) parsed;
                return local.atZone(VIETNAM).toInstant();
            } catch (DateTimeParseException notThisOne) {
                // the next usual form
            }
        }
        if (givenDateFormat == null && EXCEL_SERIAL.matcher(text).matches()) {
            // A spreadsheet's date cell without a date format: days since 30 December 1899, the day's fraction its time.
            double days = Double.parseDouble(text);
            if (days > 20_000 && days < 80_000) {
                long seconds = Math.round(days * 86_400);
                return LocalDateTime.of(1899, 12, 30, 0, 0).plusSeconds(seconds).atZone(VIETNAM).toInstant();
            }
        }
        try {
            return LocalDateTime.parse(text).atZone(VIETNAM).toInstant(); // a spreadsheet's date cell, read as ISO
        } catch (DateTimeParseException none) {
            throw new Unreadable("bad-date", text);
        }
    }

    /** Header text compared without case, accents or repeated spaces: "Số tiền ghi có" matches "SO TIEN GHI CO". */
    static String fold(String text) {
        String plain = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
