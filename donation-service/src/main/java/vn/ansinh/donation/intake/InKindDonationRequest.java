package vn.ansinh.donation.intake;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/**
 * {@code POST /api/v1/donations} for goods: what arrived at which office, each line with its unit and estimated value.
 *
 * @param organisationCode the office's organisation whose store takes the goods (left out: the office's own)
 */
record InKindDonationRequest(
        @Size(max = 64) String donorId,
        @NotBlank @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String officeUnitCode,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Item> items,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode) {

    /**
     * @param quantity       up to three decimals (0.5 kg); at most 100,000,000 units in one line
     * @param estimatedValue whole VND for the whole line
     * @param expiresOn      for perishables (vegetables, meals, milk): the last day they can be handed out
     */
    public record Item(
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String item,
            @NotBlank @Size(max = 20) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String unit,
            @NotNull @Positive @Digits(integer = 9, fraction = 3) @DecimalMax("100000000") BigDecimal quantity,
            @NotNull @PositiveOrZero @Max(1_000_000_000_000L) Long estimatedValue,
            java.time.LocalDate expiresOn) {
    }
}
