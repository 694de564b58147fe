package vn.ansinh.registry.dedup;

import java.time.LocalDate;
import java.util.List;

import vn.ansinh.platform.text.VietnameseNames;

/**
 * What duplicate detection compares of a household: where it lives, its phone and its people, with
 * names already reduced to their search keys (no case, no diacritics).
 */
public record HouseholdProfile(String householdId, String unitCode, String hamletKey, String phone, List<Person> people) {

    /**
     * A person as compared: the name's search key (see {@link VietnameseNames#searchKey}) and its parts,
     * worked out once — every person is compared with every person of each block-mate. citizenId may be null.
     */
    public static final class Person {

        private final String nameKey;
        private final LocalDate dateOfBirth;
        private final String citizenId;
        private final String compactName;
        private final String givenName;
        private final String familyAndMiddleNames;
        private final String familyName;

        public Person(String nameKey, LocalDate dateOfBirth, String citizenId) {
            this.nameKey = nameKey;
            this.dateOfBirth = dateOfBirth;
            this.citizenId = citizenId;
            this.compactName = nameKey.replace(" ", "");
            int last = nameKey.lastIndexOf(' ');
            this.givenName = last < 0 ? nameKey : nameKey.substring(last + 1);
            this.familyAndMiddleNames = last < 0 ? "" : nameKey.substring(0, last);
            int first = nameKey.indexOf(' ');
            this.familyName = first < 0 ? nameKey : nameKey.substring(0, first);
        }

        public static Person of(String fullName, LocalDate dateOfBirth, String citizenId) {
            return new Person(VietnameseNames.searchKey(fullName), dateOfBirth, citizenId);
        }

        public String nameKey() {
            return nameKey;
        }

        public LocalDate dateOfBirth() {
            return dateOfBirth;
        }

        public String citizenId() {
            return citizenId;
        }

        /** The name without its spaces ("nguyenthibay"): a space typed in or left out is no difference. */
        String compactName() {
            return compactName;
        }

        /** The last word of the name: the given name ("bay" in "nguyen thi bay"). */
        String givenName() {
            return givenName;
        }

        /** Everything before the given name: family and middle names. */
        String familyAndMiddleNames() {
            return familyAndMiddleNames;
        }

        /** The first word of the name. */
        String familyName() {
            return familyName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Person person && nameKey.equals(person.nameKey)
                    && java.util.Objects.equals(dateOfBirth, person.dateOfBirth) && java.util.Objects.equals(citizenId, person.citizenId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(nameKey, dateOfBirth, citizenId);
        }

        @Override
        public String toString() {
            return "Person[" + nameKey + ", " + dateOfBirth + "]"; // no citizen ID in logs
        }
    }

    public static HouseholdProfile of(String householdId, String unitCode, String hamlet, String phone, List<Person> people) {
        return new HouseholdProfile(householdId, unitCode, hamlet == null ? "" : VietnameseNames.searchKey(hamlet),
                Phones.normalise(phone), List.copyOf(people));
    }
}
