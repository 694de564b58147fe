package vn.ansinh.distribution.sponsorship;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a sponsorship's instalments fall due and how far what was paid covers them. Payments cover the
 * oldest instalment first, whatever month the sponsor meant: what is owed is what fell due and was not
 * paid, and paying ahead is credit for the next ones. Computed from the pledge and its payments each
 * time it is read, so nothing stored can drift from them.
 *
 * @param startsOn   the first instalment's day; the others fall on the same day every {@code everyMonths}
 *                   (the month's last day where it has no such day: 31 January, then 28 February)
 * @param lastDueBy  no instalment falls after this day (the pledge's end, or the day it was ended); null: open-ended
 */
record PledgeSchedule(LocalDate startsOn, int everyMonths, LocalDate lastDueBy, long amount) {

    /** How many upcoming instalments an open-ended pledge shows beyond today. */
    static final int UPCOMING_SHOWN = 3;

    enum InstalmentState { PAID, PART_PAID, OVERDUE, UPCOMING }

    record Instalment(int number, LocalDate dueOn, long amount, long paid, InstalmentState state) {
    }

    /**
     * @param dueSoFar            what fell due up to today
     * @param paid                what was paid in all
     * @param arrears             fell due and not paid (0 when paid up or ahead)
     * @param credit              paid ahead of what fell due
     * @param overdueInstalments  instalments due by today not fully paid
     * @param oldestUnpaidDueOn   the day the oldest of them fell due, or null
     * @param nextDueOn           the next instalment's day after today, or null when none is left
     * @param committed           everything the pledge will ask, or null for an open-ended one
     */
    record Standing(long dueSoFar, long paid, long arrears, long credit, int overdueInstalments, LocalDate oldestUnpaidDueOn,
                    LocalDate nextDueOn, Long committed) {
    }

    /** The instalment {@code index} (from 0) falls on this day. */
    LocalDate dueOn(int index) {
        return startsOn.plusMonths((long) index * everyMonths);
    }

    /** Everything the pledge will ask in all, or null while it has no end. */
    Long committed() {
        if (lastDueBy == null) {
            return null;
        }
        long count = 0;
        while (!dueOn((int) count).isAfter(lastDueBy)) {
            count++;
        }
        return count * amount;
    }

    /** The instalments up to today's and the next few (all of them when the pledge has an end), with what covers each. */
    List<Instalment> instalments(long paid, LocalDate today) {
        List<Instalment> shown = new ArrayList<>();
        long left = paid;
        int upcoming = 0;
        for (int index = 0; ; index++) {
            LocalDate due = dueOn(index);
            if (lastDueBy != null && due.isAfter(lastDueBy)) {
                break;
            }
            boolean fallen = !due.isAfter(today);
            if (!fallen && lastDueBy == null && upcoming++ >= UPCOMING_SHOWN) {
                break;
            }
            long covered = Math.min(amount, left);
            left -= covered;
            InstalmentState state = covered == amount ? InstalmentState.PAID
                    : !fallen ? InstalmentState.UPCOMING
                    : covered > 0 ? InstalmentState.PART_PAID : InstalmentState.OVERDUE;
            shown.add(new Instalment(index + 1, due, amount, covered, state));
        }
        return shown;
    }

    Standing standing(long paid, LocalDate today) {
        long dueSoFar = 0;
        int overdue = 0;
        LocalDate oldestUnpaid = null;
        LocalDate next = null;
        long left = paid;
        for (int index = 0; ; index++) {
            LocalDate due = dueOn(index);
            if (lastDueBy != null && due.isAfter(lastDueBy)) {
                break;
            }
            if (due.isAfter(today)) {
                next = due;
                break;
            }
            dueSoFar += amount;
            long covered = Math.min(amount, left);
            left -= covered;
            if (covered < amount) {
                overdue++;
                if (oldestUnpaid == null) {
                    oldestUnpaid = due;
                }
            }
        }
        return new Standing(dueSoFar, paid, Math.max(0, dueSoFar - paid), Math.max(0, paid - dueSoFar), overdue, oldestUnpaid, next,
                committed());
    }
}
