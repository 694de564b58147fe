package vn.ansinh.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseNamesTest {

    @ParameterizedTest
    @CsvSource({
        "Nguyễn Thị Bảy, nguyen thi bay",
        "NGUYEN THI BAY, nguyen thi bay",
        "'  Nguyễn   Thị\tBảy ', nguyen thi bay",
        "Đặng Văn Đức, dang van duc",
        "Ðặng Văn Ðức, dang van duc",
        "Trương Thị Hoà, truong thi hoa",
        "Lê Thị Thuỷ, le thi thuy",
    })
    void searchKeyIgnoresCaseDiacriticsAndSpacing(String typed, String key) {
        assertThat(VietnameseNames.searchKey(typed)).isEqualTo(key);
    }

    @Test
    void searchKeyIsTheSameForComposedAndDecomposedText() {
        String composed = Normalizer.normalize("Phạm Ngọc Ánh", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("Phạm Ngọc Ánh", Normalizer.Form.NFD);

        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(VietnameseNames.searchKey(decomposed)).isEqualTo(VietnameseNames.searchKey(composed)).isEqualTo("pham ngoc anh");
    }

    @Test
    void exactKeyIgnoresWhereTheToneMarkSits() {
        assertThat(VietnameseNames.exactKey("Nguyễn Văn Hoà")).isEqualTo(VietnameseNames.exactKey("nguyễn văn hòa"));
        assertThat(VietnameseNames.exactKey("Lê Thị Thuỷ")).isEqualTo(VietnameseNames.exactKey("Lê Thị Thủy"));
        assertThat(VietnameseNames.exactKey(Normalizer.normalize("Hoà", Normalizer.Form.NFD)))
                .isEqualTo(VietnameseNames.exactKey("Hòa"));
    }

    @Test
    void exactKeyStillTellsDifferentTonesAndVowelsApart() {
        assertThat(VietnameseNames.exactKey("Hòa")).isNotEqualTo(VietnameseNames.exactKey("Hóa"));
        assertThat(VietnameseNames.exactKey("Hòa")).isNotEqualTo(VietnameseNames.exactKey("Hoa"));
        assertThat(VietnameseNames.exactKey("Tâm")).isNotEqualTo(VietnameseNames.exactKey("Tăm"));
        assertThat(VietnameseNames.exactKey("Ðức")).isEqualTo(VietnameseNames.exactKey("Đức"));
    }
}
