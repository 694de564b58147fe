package vn.ansinh.reporting.publicmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What officers type as a hamlet, and what of it the public map may show. */
class PublicHamletNameTest {

    @Test
    void aHamletNameIsShownTheOneNormalWay() {
        assertThat(PublicHamletName.of("Ấp 3")).contains("Ấp 3");
        assertThat(PublicHamletName.of("  ấp   3 ")).contains("Ấp 3");
        assertThat(PublicHamletName.of("ap 3")).as("typed without marks").contains("Ấp 3");
        assertThat(PublicHamletName.of("khu phố bàu tre")).contains("Khu phố Bàu Tre");
        assertThat(PublicHamletName.of("Tổ dân phố 12")).contains("Tổ dân phố 12");
        assertThat(PublicHamletName.of("Thôn Plei Ku-Ring")).contains("Thôn Plei Ku-ring");
    }

    @Test
    void freeTextIsNeverShownAsTyped() {
        assertThat(PublicHamletName.of("Ấp 3, nhà bà Năm 0903123456")).isEmpty();
        assertThat(PublicHamletName.of("Ấp 1 0903123456")).isEmpty();
        assertThat(PublicHamletName.of("<script>alert(1)</script>")).isEmpty();
        assertThat(PublicHamletName.of("Ấp <b>1</b>")).isEmpty();
        assertThat(PublicHamletName.of("Nguyễn Văn Tám")).as("a person's name is not a hamlet").isEmpty();
        assertThat(PublicHamletName.of("079061001234")).isEmpty();
        assertThat(PublicHamletName.of("Ấp")).isEmpty();
        assertThat(PublicHamletName.of(null)).isEmpty();
        assertThat(PublicHamletName.of("Ấp " + "Rất Dài ".repeat(10))).isEmpty();
    }
}
