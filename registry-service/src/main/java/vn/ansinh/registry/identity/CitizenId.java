package vn.ansinh.registry.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;


/**
 * The 12-digit citizen identity number (CCCD): 3 digits for the province where the birth was
 * registered, 1 digit for gender and century of birth, 2 digits for the year of birth, 6 digits
 * assigned in sequence (Circular 07/2016/TT-BCA). The structure is checked against the person's
 * own gender and date of birth, which catches most typing errors and numbers that belong to
 * someone else.
 */
public final class CitizenId {

    /** The 63 province codes in use before the 2025 reorganisation; cards issued since keep them. */
    static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    private CitizenId() {
    }

    /** Why a number cannot belong to this person; empty when it can. Messages are keys of problems.properties. */
    public static Optional<String> problemWith(String number, Gender gender, LocalDate dateOfBirth) {
        if (number == null || !number.matches("[0-9]{12}")) {
            return Optional.of("citizen-id.format");
        }
        if (!PROVINCE_CODES.contains(number.substring(0, 3))) {
            return Optional.of("citizen-id.province");
        }
        int genderCentury = number.charAt(3) - '0';
        if (gender != null && dateOfBirth != null) {
            int century = dateOfBirth.getYear() / 100; // 19 for 1900-1999, 20 for 2000-2099...
            int expected = (century - 19) * 2 + (gender == Gender.FEMALE ? 1 : 0);
            if (century < 19 || genderCentury != expected) {
                return Optional.of("citizen-id.gender-century");
            }
            if (Integer.parseInt(number.substring(4, 6)) != dateOfBirth.getYear() % 100) {
                return Optional.of("citizen-id.birth-year");
            }
        }
        return Optional.empty();
    }
}
