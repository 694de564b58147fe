package vn.ansinh.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Amounts as Vietnamese receipts write them in words. */
class VietnameseAmountInWordsTest {

    @Test
    void amountsReadAsOnAReceipt() {
        assertThat(VietnameseAmountInWords.of(5_000_000)).isEqualTo("Năm triệu đồng chẵn");
        assertThat(VietnameseAmountInWords.of(105)).isEqualTo("Một trăm linh năm đồng");
        assertThat(VietnameseAmountInWords.of(15)).isEqualTo("Mười lăm đồng");
        assertThat(VietnameseAmountInWords.of(21)).isEqualTo("Hai mươi mốt đồng");
        assertThat(VietnameseAmountInWords.of(24)).isEqualTo("Hai mươi tư đồng");
        assertThat(VietnameseAmountInWords.of(1_250_500)).isEqualTo("Một triệu hai trăm năm mươi nghìn năm trăm đồng");
        assertThat(VietnameseAmountInWords.of(1_005_000)).isEqualTo("Một triệu không trăm linh năm nghìn đồng chẵn");
        assertThat(VietnameseAmountInWords.of(624_845_000)).isEqualTo("Sáu trăm hai mươi tư triệu tám trăm bốn mươi lăm nghìn đồng chẵn");
        assertThat(VietnameseAmountInWords.of(9_772_345_000L))
                .isEqualTo("Chín tỷ bảy trăm bảy mươi hai triệu ba trăm bốn mươi lăm nghìn đồng chẵn");
        assertThat(VietnameseAmountInWords.of(2_000_000_000_000L)).isEqualTo("Hai nghìn tỷ đồng chẵn");
        assertThat(VietnameseAmountInWords.of(1_000_000_010L)).isEqualTo("Một tỷ không trăm mười đồng");
        assertThat(VietnameseAmountInWords.of(0)).isEqualTo("Không đồng");
    }
}
