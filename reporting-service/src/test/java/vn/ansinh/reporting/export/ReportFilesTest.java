package vn.ansinh.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Text officers typed reaches spreadsheets as text, in the header row as in the cells. */
class ReportFilesTest {

    @Test
    void aFormulaInAnItemNameIsKeptAsTextInTheHeaderAsInTheCells() throws Exception {
        ReportTable table = new ReportTable(List.of("Đơn vị", "=HYPERLINK(\"http://x.example\",\"Gạo\") nhận - số lượng", "@SUM(A1)"),
                List.of(List.of("+84 Xã A", 12, "-1+1")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportFiles.csv(table, out);

        String csv = out.toString(StandardCharsets.UTF_8);
        String[] lines = csv.substring(1).split("\r?\n");
        assertThat(lines[0]).contains("'=HYPERLINK").contains("'@SUM(A1)").doesNotContain(",=").doesNotContain(",\"=");
        assertThat(lines[1]).contains("'+84 Xã A").contains("'-1+1").contains("12");
    }
}
