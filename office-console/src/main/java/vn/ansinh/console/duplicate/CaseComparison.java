package vn.ansinh.console.duplicate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import vn.ansinh.console.backend.HouseholdDirectory;

/**
 * The two households of a case member by member, for an officer deciding it: which person on one
 * side is which on the other (as the registry matched them), and which of their details agree, so
 * the page can mark them. Names agree when they are the same letters, whatever the marks, case and
 * spacing typed.
 */
final class CaseComparison {

    private CaseComparison() {
    }

    /**
     * One member's row on one side.
     *
     * @param number      the member's number on this side (1 for the first)
     * @param counterpart the number of the same person on the other side, or null when there is none
     */
    record Row(int number, HouseholdDirectory.Member member, Integer counterpart, boolean sameName, boolean sameBirthDate,
               boolean sameCitizenId) {

        public boolean matched() {
            return counterpart != null;
        }
    }

    /**
     * The rows of each side, in the case's order; a side the officer may not see (null) has none.
     *
     * @param comparison the registry's comparison, or null when it gave none
     */
    static List<List<Row>> rows(DuplicatePages.Comparison comparison, List<HouseholdDirectory.HouseholdCard> sides) {
        List<List<Row>> rows = new ArrayList<>();
        for (int side = 0; side < sides.size(); side++) {
            List<Row> ofSide = new ArrayList<>();
            HouseholdDirectory.HouseholdCard card = sides.get(side);
            HouseholdDirectory.HouseholdCard other = sides.size() == 2 ? sides.get(1 - side) : null;
            if (card != null) {
                for (int i = 0; i < card.members().size(); i++) {
                    Integer counterpart = comparison == null ? null : comparison.counterpart(side, i);
                    HouseholdDirectory.Member member = card.members().get(i);
                    HouseholdDirectory.Member same = counterpart == null || other == null || counterpart > other.members().size()
                            ? null : other.members().get(counterpart - 1);
                    ofSide.add(new Row(i + 1, member, counterpart,
                            same != null && folded(member.fullName()).equals(folded(same.fullName())),
                            same != null && member.dateOfBirth() != null && member.dateOfBirth().equals(same.dateOfBirth()),
                            same != null && member.citizenId() != null && member.citizenId().equals(same.citizenId())));
                }
            }
            rows.add(ofSide);
        }
        return rows;
    }

    /** Whether both households have this phone number (the page marks it on both). */
    static boolean samePhone(List<HouseholdDirectory.HouseholdCard> sides) {
        return sides.size() == 2 && sides.get(0) != null && sides.get(1) != null && sides.get(0).phone() != null
                && Objects.equals(digits(sides.get(0).phone()), digits(sides.get(1).phone()));
    }

    static String folded(String name) {
        if (name == null) {
            return "";
        }
        String noMarks = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return noMarks.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    private static String digits(String phone) {
        return phone.replaceAll("\\D", "");
    }
}
