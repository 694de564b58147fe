package vn.ansinh.registry.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Scores how likely two households are the same one, from 0 to 1, with the reasons. Each piece of
 * evidence has a weight; they combine as independent chances (1 − Π(1 − w)), so two medium signals
 * (a shared phone and a similar name) add up, but no pile of weak ones reaches certainty.
 */
public final class MatchScorer {

    /** Pairs at or above this score open a case for a district officer. */
    public static final double CASE_THRESHOLD = 0.8;
    /** Pairs at or above this score are shown to the officer who registers. */
    public static final double CANDIDATE_THRESHOLD = 0.5;

    private MatchScorer() {
    }

    public record Match(double score, Set<MatchReason> reasons) {
    }

    public static Match score(HouseholdProfile a, HouseholdProfile b) {
        Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
        List<Double> evidence = new ArrayList<>();
        if (a.phone() != null && a.phone().equals(b.phone())) {
            reasons.add(MatchReason.SAME_PHONE);
            evidence.add(0.5);
        }
        List<Double> people = new ArrayList<>();
        int sameNames = 0;
        for (HouseholdProfile.Person p : a.people()) {
            double best = 0;
            boolean nameFound = false;
            for (HouseholdProfile.Person q : b.people()) {
                int distance = NameDistance.of(p.nameKey(), q.nameKey());
                nameFound |= distance <= 1;
                best = Math.max(best, personScore(p, q, distance, reasons));
            }
            if (nameFound) {
                sameNames++;
            }
            if (best > 0) {
                people.add(best);
            }
        }
        // Each person of one household is counted once, by their best match in the other.
        people.sort((x, y) -> Double.compare(y, x));
        evidence.addAll(people.subList(0, Math.min(2, people.size())));
        if (a.unitCode().equals(b.unitCode()) && a.hamletKey().equals(b.hamletKey()) && sameNames >= 2) {
            reasons.add(MatchReason.SAME_ADDRESS_AND_MEMBERS);
            evidence.add(0.7);
        }
        double unlikely = 1;
        for (double weight : evidence) {
            unlikely *= 1 - weight;
        }
        return new Match(Math.round((1 - unlikely) * 1000) / 1000.0, reasons);
    }

    private static double personScore(HouseholdProfile.Person p, HouseholdProfile.Person q, int nameDistance,
                                      Set<MatchReason> reasons) {
        if (p.citizenId() != null && p.citizenId().equals(q.citizenId())) {
            reasons.add(MatchReason.SAME_CITIZEN_ID);
            return 0.97;
        }
        // Two different citizen IDs say two different people, whatever the names and dates.
        boolean differentIds = p.citizenId() != null && q.citizenId() != null;
        if (nameDistance > 1 || differentIds) {
            return 0;
        }
        boolean sameName = nameDistance == 0;
        LocalDate x = p.dateOfBirth();
        LocalDate y = q.dateOfBirth();
        if (x == null || y == null || x.getYear() != y.getYear()) {
            return 0;
        }
        if (x.equals(y)) {
            reasons.add(sameName ? MatchReason.SAME_NAME_AND_BIRTH_DATE : MatchReason.SIMILAR_NAME_AND_BIRTH_DATE);
            // A name one typo away is often another person's name: alone it is shown, not made a case.
            return sameName ? 0.9 : 0.75;
        }
        if (x.getDayOfMonth() == y.getMonthValue() && x.getMonthValue() == y.getDayOfMonth()) {
            reasons.add(MatchReason.NAME_AND_SWAPPED_BIRTH_DATE);
            return sameName ? 0.85 : 0.7;
        }
        if (sameName) {
            reasons.add(MatchReason.SAME_NAME_AND_BIRTH_YEAR);
            return 0.35;
        }
        return 0;
    }
}
