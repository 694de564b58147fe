package vn.ansinh.registry.dedup;

/**
 * How far apart two name keys are, counted in typing mistakes: a letter left out, added, replaced,
 * or two neighbours swapped. Vietnamese given names are short, so anything beyond one mistake is
 * treated as another name ("Anh" and "An" are one apart; "Hùng" and "Hưng" are the same once the
 * diacritics are gone, which is why a match on names alone never opens a case).
 */
final class NameDistance {

    private NameDistance() {
    }

    /** 0 for the same key, 1 for one typing mistake, 2 for anything further. */
    static int of(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int lengthGap = Math.abs(a.length() - b.length());
        if (lengthGap > 1) {
            return 2;
        }
        if (lengthGap == 1) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            int i = firstDifference(longer, shorter);
            return longer.regionMatches(i + 1, shorter, i, shorter.length() - i) ? 1 : 2;
        }
        int i = firstDifference(a, b);
        if (a.regionMatches(i + 1, b, i + 1, a.length() - i - 1)) {
            return 1; // one letter replaced
        }
        boolean swapped = i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
        return swapped ? 1 : 2;
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
