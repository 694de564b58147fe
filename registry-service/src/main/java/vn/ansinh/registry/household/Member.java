package vn.ansinh.registry.household;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.ansinh.platform.text.VietnameseNames;
import vn.ansinh.registry.identity.Gender;

/**
 * A person in a household. The name is stored exactly as typed.
 *
 * @param kinds what the person is for support paid per person of a kind (none for most people)
 */
record Member(String fullName, LocalDate dateOfBirth, Gender gender, String citizenId, String relation, List<MemberKind> kinds) {

    @org.springframework.data.annotation.PersistenceCreator
    Member {
        kinds = kinds == null ? List.of() : List.copyOf(new LinkedHashSet<>(kinds));
    }

    Member(String fullName, LocalDate dateOfBirth, Gender gender, String citizenId, String relation) {
        this(fullName, dateOfBirth, gender, citizenId, relation, null);
    }

    /** This person with what {@code samePerson}, typed elsewhere, knows and this record lacks; the name stays as typed here. */
    Member completedFrom(Member samePerson) {
        return new Member(fullName, dateOfBirth != null ? dateOfBirth : samePerson.dateOfBirth,
                gender != null ? gender : samePerson.gender, citizenId != null ? citizenId : samePerson.citizenId,
                relation != null && !relation.isBlank() ? relation : samePerson.relation, union(kinds, samePerson.kinds));
    }

    /** This person joining another household: a relation to a head they no longer have is dropped. */
    Member joiningAnotherHousehold() {
        // The console and API send HEAD; imports keep what the spreadsheet said ("Chủ hộ").
        boolean wasHead = relation != null && (relation.equalsIgnoreCase("HEAD") || VietnameseNames.searchKey(relation).equals("chu ho"));
        return wasHead ? new Member(fullName, dateOfBirth, gender, citizenId, null, kinds) : this;
    }

    private static List<MemberKind> union(List<MemberKind> ours, List<MemberKind> theirs) {
        Set<MemberKind> both = new LinkedHashSet<>(ours);
        both.addAll(theirs);
        return List.copyOf(both);
    }
}
