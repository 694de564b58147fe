package vn.ansinh.distribution.campaign;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/**
 * What each household on the list receives: cash from a fund and/or a package of goods from an
 * office's stock.
 */
record CampaignBenefit(@Valid Cash cash, @Size(max = 20) List<@Valid @NotNull Goods> items) {

    public record Cash(@NotBlank @Size(max = 64) String fundId, @NotNull @Positive @Max(1_000_000_000L) Long amountPerHousehold) {
    }

    /** @param stockOfficeUnitCode the office whose stock gives the goods (default: the campaign's office) */
    public record Goods(@NotBlank @Size(max = 100) String item, @NotBlank @Size(max = 20) String unit,
                        @NotNull @Positive @Digits(integer = 6, fraction = 3) @DecimalMax("100000") BigDecimal quantityPerHousehold,
                        @Pattern(regexp = UnitKeys.KEY) String stockOfficeUnitCode) {
    }

    public List<Goods> goods() {
        return items == null ? List.of() : items;
    }
}
