package vn.ansinh.registry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;


class CitizenIdTest {

    @Test
    void aNumberMatchingProvinceGenderCenturyAndBirthYearIsAccepted() {
        assertThat(CitizenId.problemWith("079158000123", Gender.FEMALE, LocalDate.of(1958, 3, 2))).isEmpty();
        assertThat(CitizenId.problemWith("001090012345", Gender.MALE, LocalDate.of(1990, 12, 31))).isEmpty();
        assertThat(CitizenId.problemWith("083310000001", Gender.FEMALE, LocalDate.of(2010, 1, 15))).isEmpty();
        assertThat(CitizenId.problemWith("036205000042", Gender.MALE, LocalDate.of(2005, 6, 1))).isEmpty();
    }

    @Test
    void wrongLengthOrLettersAreAFormatProblem() {
        assertThat(CitizenId.problemWith("07915800012", Gender.FEMALE, LocalDate.of(1958, 3, 2))).contains("citizen-id.format");
        assertThat(CitizenId.problemWith("07915800012X", Gender.FEMALE, LocalDate.of(1958, 3, 2))).contains("citizen-id.format");
    }

    @Test
    void anUnknownProvinceCodeIsRefused() {
        assertThat(CitizenId.problemWith("003158000123", Gender.FEMALE, LocalDate.of(1958, 3, 2))).contains("citizen-id.province");
        assertThat(CitizenId.problemWith("099158000123", Gender.FEMALE, LocalDate.of(1958, 3, 2))).contains("citizen-id.province");
    }

    @Test
    void theGenderAndCenturyDigitMustMatchThePerson() {
        assertThat(CitizenId.problemWith("079058000123", Gender.FEMALE, LocalDate.of(1958, 3, 2)))
                .contains("citizen-id.gender-century");
        assertThat(CitizenId.problemWith("079358000123", Gender.FEMALE, LocalDate.of(1958, 3, 2)))
                .contains("citizen-id.gender-century");
    }

    @Test
    void theBirthYearDigitsMustMatchTheDateOfBirth() {
        assertThat(CitizenId.problemWith("079159000123", Gender.FEMALE, LocalDate.of(1958, 3, 2)))
                .contains("citizen-id.birth-year");
    }
}
