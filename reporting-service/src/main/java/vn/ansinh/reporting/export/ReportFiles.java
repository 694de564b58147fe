package vn.ansinh.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.ansinh.platform.csv.CsvRecords;

/** Writes a report table as CSV (UTF-8 with a byte-order mark, so Excel shows Vietnamese) or XLSX. */
final class ReportFiles {

    private ReportFiles() {
    }

    public static void csv(ReportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        // Headers carry item names officers typed ("=HYPERLINK(...) (kg)"): as inert as any cell.
        writer.write(CsvRecords.line(table.headers().stream().map(CsvRecords::spreadsheetSafe).toList()));
        for (List<Object> row : table.rows()) {
            writer.write(CsvRecords.line(row.stream()
                    .map(cell -> cell instanceof BigDecimal d ? d.toPlainString()
                            : cell instanceof Number ? cell.toString() : CsvRecords.spreadsheetSafe(String.valueOf(cell))).toList()));
        }
        writer.flush();
    }

    /** @param title the sheet's first line, e.g. the unit and the date; the table starts on the second */
    public static void xlsx(ReportTable table, String title, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "An Sinh", "1.0");
        Worksheet sheet = workbook.newWorksheet("Báo cáo");
        sheet.value(0, 0, title);
        sheet.style(0, 0).bold().set();
        for (int column = 0; column < table.headers().size(); column++) {
            sheet.value(1, column, table.headers().get(column));
            sheet.style(1, column).bold().wrapText(true).set();
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            for (int column = 0; column < row.size(); column++) {
                Object cell = row.get(column);
                if (cell instanceof Number number) {
                    sheet.value(r + 2, column, number);
                } else {
                    sheet.value(r + 2, column, cell == null ? "" : cell.toString());
                }
            }
        }
        sheet.width(1, 32);
        workbook.finish();
    }
}
