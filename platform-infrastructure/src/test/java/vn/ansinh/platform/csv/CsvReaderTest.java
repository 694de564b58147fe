package vn.ansinh.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV as Vietnamese spreadsheets save it, read one record at a time. */
class CsvReaderTest {

    @Test
    void aSemicolonFileWithQuotesLineBreaksAndAByteOrderMark() throws Exception {
        assertThat(read("\uFEFFMã hộ;Họ và tên;Ghi chú\r\nH1;Nguyễn Thị Bảy;\"Ấp 3; tổ 2\"\r\nH1;\"Trần \"\"Út\"\"\";\"hai\ndòng\"\r\n"))
                .containsExactly(List.of("Mã hộ", "Họ và tên", "Ghi chú"), List.of("H1", "Nguyễn Thị Bảy", "Ấp 3; tổ 2"),
                        List.of("H1", "Trần \"Út\"", "hai\ndòng"));
    }

    @Test
    void aCommaFileWithABlankLineAndNoFinalLineBreak() throws Exception {
        assertThat(read("household,full_name\nR1,Lê Văn Tám\n\nR2,\"Phạm, Văn Tư\""))
                .containsExactly(List.of("household", "full_name"), List.of("R1", "Lê Văn Tám"), List.of(""),
                        List.of("R2", "Phạm, Văn Tư"));
        assertThat(CsvRecords.parse("a,b\r\n1,2\r\n")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    private static List<List<String>> read(String csv) throws Exception {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            for (List<String> record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
