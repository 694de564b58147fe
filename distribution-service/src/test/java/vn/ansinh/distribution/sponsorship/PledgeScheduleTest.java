package vn.ansinh.distribution.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ansinh.distribution.sponsorship.PledgeSchedule.Instalment;
import vn.ansinh.distribution.sponsorship.PledgeSchedule.InstalmentState;
import vn.ansinh.distribution.sponsorship.PledgeSchedule.Standing;

/** What a sponsor owes: the Youth Union's 200,000 VND a month for a pupil, paid late, ahead, and ended early. */
class PledgeScheduleTest {

    private final PledgeSchedule monthly = new PledgeSchedule(LocalDate.of(2026, 1, 5), 1, null, 200_000);

    @Test
    void paymentsCoverTheOldestInstalmentFirstAndWhatFellDueUnpaidIsOwed() {
        LocalDate today = LocalDate.of(2026, 4, 10);
        Standing standing = monthly.standing(500_000, today);
        assertThat(standing.dueSoFar()).as("January to April").isEqualTo(800_000);
        assertThat(standing.arrears()).isEqualTo(300_000);
        assertThat(standing.credit()).isZero();
        assertThat(standing.overdueInstalments()).as("March half paid, April unpaid").isEqualTo(2);
        assertThat(standing.oldestUnpaidDueOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(standing.nextDueOn()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(standing.committed()).as("open-ended").isNull();

        List<Instalment> instalments = monthly.instalments(500_000, today);
        assertThat(instalments).extracting(Instalment::state).containsExactly(InstalmentState.PAID, InstalmentState.PAID,
                InstalmentState.PART_PAID, InstalmentState.OVERDUE, InstalmentState.UPCOMING, InstalmentState.UPCOMING,
                InstalmentState.UPCOMING);
        assertThat(instalments.get(2).paid()).isEqualTo(100_000);
        assertThat(instalments).extracting(Instalment::dueOn).startsWith(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 5));
    }

    @Test
    void theDayAnInstalmentFallsIsOwedThatDayAndPayingAheadIsCredit() {
        assertThat(monthly.standing(0, LocalDate.of(2026, 1, 4)).dueSoFar()).as("the day before the first").isZero();
        assertThat(monthly.standing(0, LocalDate.of(2026, 1, 5)).arrears()).isEqualTo(200_000);
        Standing ahead = monthly.standing(1_000_000, LocalDate.of(2026, 2, 20));
        assertThat(ahead.arrears()).isZero();
        assertThat(ahead.credit()).isEqualTo(600_000);
        assertThat(ahead.overdueInstalments()).isZero();
        assertThat(ahead.oldestUnpaidDueOn()).isNull();
        assertThat(monthly.instalments(1_000_000, LocalDate.of(2026, 2, 20))).extracting(Instalment::state)
                .containsExactly(InstalmentState.PAID, InstalmentState.PAID, InstalmentState.PAID, InstalmentState.PAID,
                        InstalmentState.PAID);
    }

    @Test
    void theThirtyFirstFallsOnEachMonthsLastDayAndAPledgeWithAnEndAsksAFixedSum() {
        PledgeSchedule schoolYear = new PledgeSchedule(LocalDate.of(2026, 1, 31), 1, LocalDate.of(2026, 5, 31), 150_000);
        assertThat(schoolYear.instalments(0, LocalDate.of(2026, 12, 1))).extracting(Instalment::dueOn).containsExactly(
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 5, 31));
        assertThat(schoolYear.committed()).isEqualTo(750_000);
        Standing after = schoolYear.standing(750_000, LocalDate.of(2027, 3, 1));
        assertThat(after.arrears()).isZero();
        assertThat(after.nextDueOn()).as("none left").isNull();
    }

    @Test
    void aQuarterlyPledgeEndedEarlyAsksNothingAfterItsEnd() {
        // Ended on 20 August: the instalments of 1 January, April and July fell due; October's never will.
        PledgeSchedule ended = new PledgeSchedule(LocalDate.of(2026, 1, 1), 3, LocalDate.of(2026, 8, 20), 600_000);
        Standing standing = ended.standing(600_000, LocalDate.of(2026, 12, 1));
        assertThat(standing.dueSoFar()).isEqualTo(1_800_000);
        assertThat(standing.arrears()).isEqualTo(1_200_000);
        assertThat(standing.committed()).isEqualTo(1_800_000);
        assertThat(standing.nextDueOn()).isNull();
        assertThat(ended.instalments(600_000, LocalDate.of(2026, 12, 1))).hasSize(3);
    }
}
