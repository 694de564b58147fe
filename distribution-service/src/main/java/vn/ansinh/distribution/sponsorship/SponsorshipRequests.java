package vn.ansinh.distribution.sponsorship;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/** What the sponsorship endpoints take. */
final class SponsorshipRequests {

    /** Instalments a pledge may have in all: twenty years of monthly ones. */
    static final int MOST_INSTALMENTS = 240;

    private SponsorshipRequests() {
    }

    /**
     * {@code POST /api/v1/sponsorships}.
     *
     * @param householdId      the household sponsored (as the registry knows it), within the office's area
     * @param memberNumber     the member sponsored, as listed in the household (1 = the first), or left out for the household
     * @param sponsor          who gives: an agency, a union, a person ("Đoàn Thanh niên phường Núi Sam")
     * @param amount           VND each instalment
     * @param everyMonths      1 monthly, 3 quarterly, 6 half-yearly, 12 yearly
     * @param startsOn         the first instalment's day
     * @param endsOn           no instalment after this day (a pupil's last school year); left out: until ended
     * @param organisationCode the office's organisation that keeps the pledge (a person who acts for one: always theirs)
     */
    record PledgeRequest(
            @NotBlank @Pattern(regexp = UnitKeys.KEY) String officeUnitCode,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String householdId,
            @Min(1) @Max(50) Integer memberNumber,
            @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String sponsor,
            @NotBlank @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String purpose,
            @NotNull @Positive @Max(1_000_000_000_000L) Long amount,
            @NotNull @Min(1) @Max(12) Integer everyMonths,
            @NotNull LocalDate startsOn,
            LocalDate endsOn) {
    }

    /**
     * {@code POST /api/v1/sponsorships/{id}/payments}.
     *
     * @param reference the bank transfer's or the receipt's reference: the same one twice is one payment
     */
    record PaymentRequest(
            @NotNull @Positive @Max(1_000_000_000_000L) Long amount,
            @NotNull LocalDate paidOn,
            @Size(max = 64) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reference,
            @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String note) {
    }

    /** {@code POST /api/v1/sponsorships/{id}/end}: from which day no more instalment falls, and why. */
    record EndRequest(@NotNull LocalDate on, @NotBlank @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }
}
