package vn.ansinh.registry.household;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.text.PersonName;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.registry.identity.Gender;

/** {@code POST /api/v1/households}. Text fields refuse control characters and absurd lengths. */
public record RegisterHouseholdRequest(
        @NotBlank @Size(max = 150) @PersonName String headName,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull MemberInput> members,
        @NotNull @Valid AddressInput address,
        @Pattern(regexp = "^(\\+84|84|0)(3|5|7|8|9)[0-9]{8}$") String phone,
        @Size(max = 14) List<@NotNull Category> categories,
        PovertyStatus povertyStatus) {

    public record MemberInput(
            @NotBlank @Size(max = 150) @PersonName String fullName,
            @NotNull @PastOrPresent LocalDate dateOfBirth,
            @NotNull Gender gender,
            @Pattern(regexp = "^[0-9]{12}$") String citizenId,
            @Size(max = 50) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String relation,
            @Size(max = 7) List<@NotNull MemberKind> kinds) {

        /** A member whose kinds are not said (an import, an older integration). */
        public MemberInput(String fullName, LocalDate dateOfBirth, Gender gender, String citizenId, String relation) {
            this(fullName, dateOfBirth, gender, citizenId, relation, null);
        }
    }

    public record AddressInput(
            @NotBlank @Size(max = 16) @Pattern(regexp = UnitKeys.KEY) String unitCode,
            @Size(max = 100) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String hamlet,
            @Size(max = 200) @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS) String street) {
    }
}
