package vn.ansinh.registry.household;

import java.time.LocalDate;
import vn.ansinh.registry.identity.Gender;

/** A person in a household. The name is stored exactly as typed. */
record Member(String fullName, LocalDate dateOfBirth, Gender gender, String citizenId, String relation) {
}
