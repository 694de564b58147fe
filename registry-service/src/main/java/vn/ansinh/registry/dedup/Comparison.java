package vn.ansinh.registry.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How two households compare, field by field, each field in a few levels of agreement: the
 * comparison vector of the Fellegi–Sunter model. The household is compared through its people: the
 * closest pair of people is the anchor (name, birth date, citizen ID), and the other members are
 * counted when they also have a counterpart — a family registered again under another head, or with a
 * member added or missing, is still found through its members.
 *
 * @param levels         one level per {@link Field}, in field order
 * @param anchorA        index of the anchor person in the first household
 * @param anchorB        index of the anchor person in the second household
 * @param matchedMembers pairs of indices (first household, second household) of the people who match, anchor included
 */
public record Comparison(int[] levels, int anchorA, int anchorB, List<int[]> matchedMembers) {

    /** The fields compared, each with its levels from most to least alike. */
    public enum Field {
        NAME("EXACT", "ONE_TYPO", "WITHOUT_MIDDLE_NAME", "SAME_GIVEN_NAME", "DIFFERENT"),
        BIRTH_DATE("EXACT", "DAY_AND_MONTH_SWAPPED", "YEAR_ONLY", "ONE_PART_DIFFERENT", "SAME_YEAR", "DIFFERENT", "MISSING"),
        CITIZEN_ID("SAME", "DIFFERENT", "MISSING"),
        OTHER_MEMBERS("NOTHING_TO_COMPARE", "NONE_MATCH", "ONE_MATCHES", "TWO_OR_MORE_MATCH"),
        PHONE("SAME", "DIFFERENT", "MISSING"),
        PLACE("SAME_HAMLET", "SAME_COMMUNE", "OTHER_COMMUNE");

        private final List<String> levels;

        Field(String... levels) {
            this.levels = List.of(levels);
        }

        public List<String> levels() {
            return levels;
        }
    }

    static final int NAME_EXACT = 0;
    static final int NAME_ONE_TYPO = 1;
    static final int NAME_WITHOUT_MIDDLE = 2;
    static final int NAME_SAME_GIVEN = 3;
    static final int NAME_DIFFERENT = 4;
    static final int BIRTH_EXACT = 0;
    static final int BIRTH_SWAPPED = 1;
    static final int BIRTH_YEAR_ONLY = 2;
    static final int BIRTH_ONE_PART = 3;
    static final int BIRTH_SAME_YEAR = 4;
    static final int BIRTH_DIFFERENT = 5;
    static final int BIRTH_MISSING = 6;
    static final int ID_SAME = 0;
    static final int ID_DIFFERENT = 1;
    static final int ID_MISSING = 2;

    public int level(Field field) {
        return levels[field.ordinal()];
    }

    /** Compares two households: anchor pair, other members, phone and place. */
    public static Comparison of(HouseholdProfile a, HouseholdProfile b) {
        int bestA = -1;
        int bestB = -1;
        int[] best = null;
        int[][][] people = new int[a.people().size()][b.people().size()][];
        for (int i = 0; i < a.people().size(); i++) {
            for (int j = 0; j < b.people().size(); j++) {
                int[] person = person(a.people().get(i), b.people().get(j));
                people[i][j] = person;
                if (best == null || closer(person, best)) {
                    best = person;
                    bestA = i;
                    bestB = j;
                }
            }
        }
        int[] levels = new int[Field.values().length];
        if (best == null) {
            best = new int[] {NAME_DIFFERENT, BIRTH_MISSING, ID_MISSING};
        } else if (best[2] == ID_DIFFERENT) {
            // Two different citizen IDs are two people: their names and dates agreeing is no evidence.
            best = new int[] {NAME_DIFFERENT, BIRTH_DIFFERENT, ID_DIFFERENT};
        }
        levels[Field.NAME.ordinal()] = best[0];
        levels[Field.BIRTH_DATE.ordinal()] = best[1];
        levels[Field.CITIZEN_ID.ordinal()] = best[2];
        List<int[]> matched = new ArrayList<>();
        if (bestA >= 0 && sameish(best)) {
            matched.add(new int[] {bestA, bestB});
        }
        // The other members, each matched at most once (greedily, closest first).
        boolean[] usedA = new boolean[a.people().size()];
        boolean[] usedB = new boolean[b.people().size()];
        if (bestA >= 0) {
            usedA[bestA] = true;
            usedB[bestB] = true;
        }
        int others = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            int pickA = -1;
            int pickB = -1;
            int[] pick = null;
            for (int i = 0; i < people.length; i++) {
                for (int j = 0; j < people[i].length; j++) {
                    if (!usedA[i] && !usedB[j] && sameish(people[i][j]) && (pick == null || closer(people[i][j], pick))) {
                        pick = people[i][j];
                        pickA = i;
                        pickB = j;
                    }
                }
            }
            if (pick != null) {
                usedA[pickA] = true;
                usedB[pickB] = true;
                matched.add(new int[] {pickA, pickB});
                others++;
                progress = true;
            }
        }
        boolean nothingToCompare = a.people().size() < 2 || b.people().size() < 2;
        levels[Field.OTHER_MEMBERS.ordinal()] = nothingToCompare ? 0 : others == 0 ? 1 : others == 1 ? 2 : 3;
        levels[Field.PHONE.ordinal()] = a.phone() == null || b.phone() == null ? 2 : a.phone().equals(b.phone()) ? 0 : 1;
        boolean sameUnit = a.unitCode().equals(b.unitCode());
        levels[Field.PLACE.ordinal()] = sameUnit && !a.hamletKey().isEmpty() && a.hamletKey().equals(b.hamletKey()) ? 0
                : sameUnit ? 1 : 2;
        return new Comparison(levels, bestA, bestB, List.copyOf(matched));
    }

    /**
     * Two people who could be one: a name not far off, a birth date at most one part off (a same year
     * alone is too common among the many namesakes of a commune), no different IDs.
     */
    private static boolean sameish(int[] person) {
        return person[2] == ID_SAME || (person[2] != ID_DIFFERENT && person[0] <= NAME_WITHOUT_MIDDLE && person[1] <= BIRTH_ONE_PART);
    }

    /**
     * Whether person comparison {@code x} is closer than {@code y}: the same citizen ID first; two
     * different citizen IDs last (two people, whatever their names say); then name, then birth date.
     */
    private static boolean closer(int[] x, int[] y) {
        if ((x[2] == ID_SAME) != (y[2] == ID_SAME)) {
            return x[2] == ID_SAME;
        }
        if ((x[2] == ID_DIFFERENT) != (y[2] == ID_DIFFERENT)) {
            return y[2] == ID_DIFFERENT;
        }
        // A pair that could be one person before a pair that only shares a name.
        if (sameish(x) != sameish(y)) {
            return sameish(x);
        }
        int xs = x[0] * 10 + x[1];
        int ys = y[0] * 10 + y[1];
        return xs < ys;
    }

    /** Name, birth-date and citizen-ID levels of two people. */
    static int[] person(HouseholdProfile.Person p, HouseholdProfile.Person q) {
        return new int[] {name(p, q), birth(p.dateOfBirth(), q.dateOfBirth()), citizenId(p.citizenId(), q.citizenId())};
    }

    static int name(HouseholdProfile.Person p, HouseholdProfile.Person q) {
        String a = p.nameKey();
        String b = q.nameKey();
        if (a.equals(b)) {
            return NAME_EXACT;
        }
        if (NameDistance.of(p.compactName(), q.compactName()) <= 1) {
            return NAME_ONE_TYPO;
        }
        String givenA = p.givenName();
        String givenB = q.givenName();
        boolean givenClose = NameDistance.of(givenA, givenB) <= 1;
        String familyA = p.familyName();
        String familyB = q.familyName();
        if (givenClose && familyA.equals(familyB) && NameDistance.of(p.familyAndMiddleNames(), q.familyAndMiddleNames()) <= 1) {
            return NAME_ONE_TYPO;
        }
        if (givenClose && familyA.equals(familyB) && middleNamesLeftOut(p, q)) {
            return NAME_WITHOUT_MIDDLE;
        }
        return givenClose ? NAME_SAME_GIVEN : NAME_DIFFERENT;
    }

    /**
     * Whether one name's middle names are the other's with some left out ("nguyen lan" and "nguyen thi
     * lan", "tran van minh" and "tran van duc minh"). Two different middle names are not that: "Nguyễn
     * Kiến Bình" and "Nguyễn Trúc Linh" share only a family name and a given name one letter apart, as
     * thousands of namesakes do at a million registered.
     */
    private static boolean middleNamesLeftOut(HouseholdProfile.Person p, HouseholdProfile.Person q) {
        String[] middleA = middleNames(p);
        String[] middleB = middleNames(q);
        return middleA.length < middleB.length ? inOrderWithin(middleA, middleB)
                : middleB.length < middleA.length && inOrderWithin(middleB, middleA);
    }

    private static String[] middleNames(HouseholdProfile.Person person) {
        String familyAndMiddle = person.familyAndMiddleNames();
        int afterFamily = person.familyName().length();
        return familyAndMiddle.length() <= afterFamily ? new String[0] : familyAndMiddle.substring(afterFamily + 1).split(" ");
    }

    private static boolean inOrderWithin(String[] fewer, String[] more) {
        int at = 0;
        for (String word : fewer) {
            while (at < more.length && !more[at].equals(word)) {
                at++;
            }
            if (at == more.length) {
                return false;
            }
            at++;
        }
        return true;
    }

    static int birth(LocalDate x, LocalDate y) {
        if (x == null || y == null) {
            return BIRTH_MISSING;
        }
        if (x.equals(y)) {
            return BIRTH_EXACT;
        }
        // The parts once, as plain fields: this runs for every pair of people in every block (a fifth of an
        // import's scoring went to LocalDate.getDayOfYear, which works the day out from the month each time).
        int xYear = x.getYear();
        int xMonth = x.getMonthValue();
        int xDay = x.getDayOfMonth();
        int yYear = y.getYear();
        int yMonth = y.getMonthValue();
        int yDay = y.getDayOfMonth();
        if (xYear == yYear && xDay == yMonth && xMonth == yDay) {
            return BIRTH_SWAPPED;
        }
        // Only the year known: entered as 1 January by the many forms that want a whole date.
        boolean firstOfJanuary = (xMonth == 1 && xDay == 1) != (yMonth == 1 && yDay == 1);
        if (xYear == yYear && firstOfJanuary) {
            return BIRTH_YEAR_ONLY;
        }
        int sameParts = (xYear == yYear ? 1 : 0) + (xMonth == yMonth ? 1 : 0) + (xDay == yDay ? 1 : 0);
        if (sameParts == 2 && Math.abs(xYear - yYear) <= 1) {
            return BIRTH_ONE_PART;
        }
        return xYear == yYear ? BIRTH_SAME_YEAR : BIRTH_DIFFERENT;
    }

    static int citizenId(String x, String y) {
        if (x == null || y == null) {
            return ID_MISSING;
        }
        return x.equals(y) ? ID_SAME : ID_DIFFERENT;
    }
}
