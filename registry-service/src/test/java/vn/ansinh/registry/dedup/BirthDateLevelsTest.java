package vn.ansinh.registry.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** How alike two birth dates are, as the match model weighs them: each level on the dates officers really type. */
class BirthDateLevelsTest {

    @Test
    void eachLevelOnTheDatesOfficersType() {
        assertThat(level("1968-03-12", "1968-03-12")).isEqualTo(Comparison.BIRTH_EXACT);
        assertThat(level("1968-03-12", "1968-12-03")).as("day and month swapped").isEqualTo(Comparison.BIRTH_SWAPPED);
        assertThat(level("1968-01-01", "1968-07-21")).as("only the year known, typed as 1 January").isEqualTo(Comparison.BIRTH_YEAR_ONLY);
        assertThat(level("1968-07-21", "1968-01-01")).isEqualTo(Comparison.BIRTH_YEAR_ONLY);
        assertThat(level("1968-03-12", "1968-03-21")).as("one part re-typed").isEqualTo(Comparison.BIRTH_ONE_PART);
        assertThat(level("1968-03-12", "1969-03-12")).as("a year one off").isEqualTo(Comparison.BIRTH_ONE_PART);
        assertThat(level("1968-03-12", "1978-03-12")).as("a decade off is another person").isEqualTo(Comparison.BIRTH_DIFFERENT);
        assertThat(level("1968-03-12", "1968-09-30")).isEqualTo(Comparison.BIRTH_SAME_YEAR);
        assertThat(level("1968-03-12", "1971-09-30")).isEqualTo(Comparison.BIRTH_DIFFERENT);
        assertThat(Comparison.birth(null, LocalDate.parse("1968-03-12"))).isEqualTo(Comparison.BIRTH_MISSING);
    }

    @Test
    void firstOfJanuaryIsTheYearOnlyInLeapYearsToo() {
        assertThat(level("2024-01-01", "2024-12-31")).isEqualTo(Comparison.BIRTH_YEAR_ONLY);
        assertThat(level("2024-01-02", "2024-12-31")).as("2 January is a real date").isEqualTo(Comparison.BIRTH_SAME_YEAR);
        assertThat(level("2024-01-01", "2024-01-01")).isEqualTo(Comparison.BIRTH_EXACT);
        assertThat(level("2024-01-01", "2025-01-01")).as("both only a year, a year apart").isEqualTo(Comparison.BIRTH_ONE_PART);
    }

    private static int level(String x, String y) {
        return Comparison.birth(LocalDate.parse(x), LocalDate.parse(y));
    }
}
