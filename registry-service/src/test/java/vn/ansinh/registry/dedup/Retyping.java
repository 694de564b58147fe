package vn.ansinh.registry.dedup;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Random;

/**
 * How a second office re-types a family's details, for the populations duplicate detection is
 * measured on (the held-out populations here, the import file of the benchmarks).
 */
public final class Retyping {

    private Retyping() {
    }

    /** A letter of the given name (the last word) dropped or doubled, as a hurried typist does. */
    public static String dropOrDoubleInGivenName(String name, Random random) {
        int space = name.lastIndexOf(' ');
        String given = name.substring(space + 1);
        if (given.length() < 2) {
            return name;
        }
        int at = 1 + random.nextInt(given.length() - 1);
        String changed = random.nextBoolean() ? given.substring(0, at) + given.substring(at + 1)
                : given.substring(0, at) + given.charAt(at) + given.substring(at);
        return name.substring(0, space + 1) + changed;
    }

    /** Day and month swapped, when they can be (a day up to 12 that differs from the month); else the same date. */
    public static LocalDate swapDayAndMonth(LocalDate born) {
        if (born.getDayOfMonth() > 12 || born.getDayOfMonth() == born.getMonthValue()) {
            return born;
        }
        return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
    }

    /** Typed without Vietnamese marks: "Nguyễn Thị Đào" → "Nguyen Thi Dao". */
    public static String stripMarks(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }
}
