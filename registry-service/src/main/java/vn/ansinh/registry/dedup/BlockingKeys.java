package vn.ansinh.registry.dedup;

import java.time.LocalDate;
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
 *   <li>{@code sg:} family name, the letters of the given name in any order, and the year of birth within
 *       two (survives two letters swapped or one doubled, a middle name left out, a year typed one off —
 *       together).</li>
 * </ul>
 */
final class BlockingKeys {

    private BlockingKeys() {
    }

    public static Set<String> of(HouseholdProfile household) {
        Set<String> keys = new LinkedHashSet<>();
        if (household.phone() != null) {
            keys.add("ph:" + household.phone());
        }
        for (HouseholdProfile.Person person : household.people()) {
            if (person.citizenId() != null) {
                keys.add("id:" + person.citizenId());
            }
            keys.add("un:" + household.unitCode() + "|" + person.nameKey());
            LocalDate born = person.dateOfBirth();
            if (born != null) {
                String date = born.getYear() + "|" + Math.min(born.getDayOfMonth(), born.getMonthValue()) + "-"
                        + Math.max(born.getDayOfMonth(), born.getMonthValue());
                keys.add("ny:" + person.nameKey() + "|" + born.getYear());
                keys.add("gd:" + person.givenName() + "|" + date);
                String given = person.givenName();
                keys.add("fd:" + person.familyAndMiddleNames() + "|" + (given.isEmpty() ? "" : given.charAt(0)) + "|" + date);
                // Two keys a year apart in their pairing, so that any two years one apart share one of them.
                String letters = sortedDistinctLetters(given);
                String family = person.familyName();
                keys.add("sg:" + family + "|" + letters + "|" + Math.floorDiv(born.getYear(), 2));
                keys.add("sg:" + family + "|" + letters + "|" + Math.floorDiv(born.getYear() + 1, 2) + "'");
            }
        }
        return keys;
    }

    /** "lan", "aln" and "laan" all give "aln": typed letters out of order or one doubled still meet. */
    private static String sortedDistinctLetters(String given) {
        return given.chars().distinct().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
