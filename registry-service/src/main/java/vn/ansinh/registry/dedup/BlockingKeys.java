package vn.ansinh.registry.dedup;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The keys that put households which might be the same into one small block, so that a new household
 * is compared only with its block-mates and never with every household on the registry. Each rule of
 * {@link MatchScorer} has a key that brings its pairs together:
 * <ul>
 *   <li>{@code id:} a member's citizen ID;</li>
 *   <li>{@code ph:} the household's phone;</li>
 *   <li>{@code ny:} a member's full name and year of birth (survives a wrong day or month, or both swapped);</li>
 *   <li>{@code gd:} given name and date of birth, day and month in either order (survives a typo in the family name);</li>
 *   <li>{@code fd:} family and middle names, the given name's first letter and date of birth (survives
 *       a typo in the given name; the letter keeps the many "Nguyễn Thị" born on one day apart);</li>
 *   <li>{@code un:} a member's full name within one unit (the same family entered twice, dates wrong);</li>
 *   <li>{@code sd:} and {@code sy:} family name, the letters of the given name in any order, and the year
 *       of birth within one (survives two letters swapped or one doubled, a middle name left out, a year
 *       typed one off — together), see below.</li>
 * </ul>
 * Most keys are <em>symmetric</em>: a household is filed under the keys it looks up. The letters key is
 * not, because it alone must also bring together a date typed in full and the same person's year typed
 * alone (as 1 January) with a name mistake, and one key for both grew to blocks of a thousand households
 * and more at a million registered (all the "Nguyễn Văn Hùng" born within a year of each other). So each
 * person is filed under two keys — {@code sd:} with the exact year and the day and month in either order
 * ("1-1" for a year alone), and {@code sy:} with the exact year only — and looks up:
 * <ul>
 *   <li>with a whole date: {@code sd:} with its own day and month and with "1-1", each in the year
 *       before, the same year and the year after — a few households each;</li>
 *   <li>with the year alone: {@code sy:} in the three years — the wide block, read only by this minority.</li>
 * </ul>
 * Two records of one person then always meet, whichever came first, unless a whole date was mistyped in
 * its day or month (not swapped) <em>and</em> the name too: the other keys cover a wrong day with a right
 * name, or a right date with a wrong name.
 */
final class BlockingKeys {

    /** The keys a household is filed under, and the keys it looks up to find its block-mates. */
    record Keys(Set<String> filed, Set<String> sought) {

        /** Whether blocking brings the two together (in either order of registration). */
        boolean meet(Keys other) {
            return !Collections.disjoint(sought, other.filed) || !Collections.disjoint(other.sought, filed);
        }
    }

    private static final String YEAR_ALONE = "1-1";

    private BlockingKeys() {
    }

    public static Keys of(HouseholdProfile household) {
        Set<String> both = new LinkedHashSet<>();
        Set<String> filed = new LinkedHashSet<>();
        Set<String> sought = new LinkedHashSet<>();
        if (household.phone() != null) {
            both.add("ph:" + household.phone());
        }
        for (HouseholdProfile.Person person : household.people()) {
            if (person.citizenId() != null) {
                both.add("id:" + person.citizenId());
            }
            both.add("un:" + household.unitCode() + "|" + person.nameKey());
            LocalDate born = person.dateOfBirth();
            if (born != null) {
                String dayAndMonth = Math.min(born.getDayOfMonth(), born.getMonthValue()) + "-"
                        + Math.max(born.getDayOfMonth(), born.getMonthValue());
                String date = born.getYear() + "|" + dayAndMonth;
                both.add("ny:" + person.nameKey() + "|" + born.getYear());
                both.add("gd:" + person.givenName() + "|" + date);
                String given = person.givenName();
                both.add("fd:" + person.familyAndMiddleNames() + "|" + (given.isEmpty() ? "" : given.charAt(0)) + "|" + date);
                addLetterKeys(person, born, dayAndMonth, filed, sought);
            }
        }
        filed.addAll(both);
        sought.addAll(both);
        return new Keys(filed, sought);
    }

    private static void addLetterKeys(HouseholdProfile.Person person, LocalDate born, String dayAndMonth, Set<String> filed,
                                      Set<String> sought) {
        String letters = person.familyName() + "|" + sortedDistinctLetters(person.givenName()) + "|";
        int year = born.getYear();
        filed.add("sd:" + letters + year + "|" + dayAndMonth);
        filed.add("sy:" + letters + year);
        boolean yearAlone = born.getDayOfMonth() == 1 && born.getMonthValue() == 1;
        for (int near = year - 1; near <= year + 1; near++) {
            if (yearAlone) {
                sought.add("sy:" + letters + near);
            } else {
                sought.add("sd:" + letters + near + "|" + dayAndMonth);
                sought.add("sd:" + letters + near + "|" + YEAR_ALONE);
            }
        }
    }

    /** "lan", "aln" and "laan" all give "aln": typed letters out of order or one doubled still meet. */
    private static String sortedDistinctLetters(String given) {
        return given.chars().distinct().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
