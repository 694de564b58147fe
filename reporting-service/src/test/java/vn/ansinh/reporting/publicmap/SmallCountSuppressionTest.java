package vn.ansinh.reporting.publicmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the public map may show of small counts (plain JUnit). */
class SmallCountSuppressionTest {

    @Test
    void countsFromOneToFourAreHiddenAndALoneHiddenCountTakesTheNextSmallestWithIt() {
        List<SmallCountSuppression.Row> rows = new ArrayList<>(List.of(
                new SmallCountSuppression.Row("a", "Xã A", 120L, 3L, 0L, 0L),
                new SmallCountSuppression.Row("b", "Xã B", 40L, 9L, 7L, 6L),
                new SmallCountSuppression.Row("c", "Xã C", 75L, 30L, 0L, 8L)));

        List<PublicArea> areas = SmallCountSuppression.suppress(rows, 5);

        assertThat(areas.get(0).approved()).as("3 is small").isNull();
        assertThat(areas.get(1).approved()).as("the next smallest goes too, or 42 − 30 − 9 gives the 3 away").isNull();
        assertThat(areas.get(2).approved()).isEqualTo(30L);
        assertThat(areas.get(0).helped()).as("none is not a small count").isZero();
        assertThat(areas.get(1).helped()).isEqualTo(7L);
        assertThat(areas.get(0).inNeed()).isEqualTo(120L);
        assertThat(areas.get(1).suppressed()).containsExactly("approved");
        assertThat(areas.get(2).openOmissionReports()).isEqualTo(8L);
    }

    @Test
    void aSmallTotalIsHiddenToo() {
        PublicArea total = SmallCountSuppression.suppressTotal(new SmallCountSuppression.Row("x", "Xã X", 4L, 0L, 12L, 0L), 5);

        assertThat(total.inNeed()).isNull();
        assertThat(total.approved()).isZero();
        assertThat(total.helped()).isEqualTo(12L);
        assertThat(total.suppressed()).containsExactly("inNeed");
    }
}
