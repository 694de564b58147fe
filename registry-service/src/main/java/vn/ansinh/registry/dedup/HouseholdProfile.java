package vn.ansinh.registry.dedup;

import java.time.LocalDate;
import java.util.List;

import vn.ansinh.platform.text.VietnameseNames;

/**
 * What duplicate detection compares of a household: where it lives, its phone and its people, with
 * names already reduced to their search keys (no case, no diacritics).
 */
public record HouseholdProfile(String householdId, String unitCode, String hamletKey, String phone, List<Person> people) {

    /** @param nameKey see {@link VietnameseNames#searchKey}; citizenId may be null */
    public record Person(String nameKey, LocalDate dateOfBirth, String citizenId) {

        public static Person of(String fullName, LocalDate dateOfBirth, String citizenId) {
            return new Person(VietnameseNames.searchKey(fullName), dateOfBirth, citizenId);
        }

        /** The last word of the name: the given name ("bay" in "nguyen thi bay"). */
        String givenName() {
            int space = nameKey.lastIndexOf(' ');
            return space < 0 ? nameKey : nameKey.substring(space + 1);
        }

        /** Everything before the given name: family and middle names. */
        String familyAndMiddleNames() {
            int space = nameKey.lastIndexOf(' ');
            return space < 0 ? "" : nameKey.substring(0, space);
        }
    }

    public static HouseholdProfile of(String householdId, String unitCode, String hamlet, String phone, List<Person> people) {
        return new HouseholdProfile(householdId, unitCode, hamlet == null ? "" : VietnameseNames.searchKey(hamlet),
                Phones.normalise(phone), List.copyOf(people));
    }
}
