package vn.ansinh.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Figures and dates read the way Vietnamese offices write them, whatever the page's language. */
class FormatsTest {

    final Formats formats = new Formats();

    @Test
    void moneyGroupsThousandsWithDotsAndEndsInDong() {
        assertThat(formats.money(1_500_000L)).isEqualTo("1.500.000 ₫");
        assertThat(formats.money(9_772_345_000L)).isEqualTo("9.772.345.000 ₫");
        assertThat(formats.money(null)).isEqualTo("–");
        assertThat(formats.number(new BigDecimal("2500.5"))).isEqualTo("2.500,5");
    }

    @Test
    void ratesHaveTwoDecimalsWithACommaAndMissingOnesADash() {
        assertThat(formats.percent(new BigDecimal("8.11"))).isEqualTo("8,11 %");
        assertThat(formats.percent(new BigDecimal("2.0"))).isEqualTo("2,00 %");
        assertThat(formats.percent(null)).isEqualTo("–");
    }

    @Test
    void datesAreDayMonthYearInVietnamsTimeZone() {
        assertThat(formats.date(LocalDate.of(2026, 3, 5))).isEqualTo("05/03/2026");
        // 20:30 UTC on the 30th is 03:30 on the 1st in Hà Nội.
        assertThat(formats.dateTime(Instant.parse("2026-11-30T20:30:00Z"))).isEqualTo("01/12/2026 03:30");
    }

    @Test
    void aFieldPathBecomesTheIdOfItsInput() {
        assertThat(FormErrors.idOf("members[0].citizenId")).isEqualTo("members-0-citizenId");
        assertThat(FormErrors.idOf("address.unitCode")).isEqualTo("address-unitCode");
    }
}
