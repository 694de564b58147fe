package vn.ansinh.distribution.campaign;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;

/**
 * {@code POST /api/v1/campaigns}.
 *
 * @param organisationCode the office's organisation that runs the campaign (left out: the office itself; a
 *                         person who acts for an organisation always creates it for that organisation)
 */
record CreateCampaignRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name,
        @NotBlank @Pattern(regexp = UnitKeys.KEY) String officeUnitCode,
        @NotEmpty @Size(max = 500) List<@NotNull @Pattern(regexp = UnitKeys.KEY) String> targetUnitCodes,
        @NotNull @Valid Eligibility eligibility,
        @NotNull @Valid CampaignBenefit benefit,
        LocalDate startsOn,
        LocalDate endsOn,
        Boolean allowOverlap,
        @Size(max = 500) List<@Valid @NotNull Quota> quotas,
        @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode) {

    /**
     * The same request with its unit codes as the units they mean today: a plain official code reused
     * by a later list (the 2025 reform) means the unit that carries it now.
     */
    CreateCampaignRequest withUnitsResolved(java.util.function.UnaryOperator<String> resolve) {
        return new CreateCampaignRequest(name, resolve.apply(officeUnitCode),
                targetUnitCodes == null ? null : targetUnitCodes.stream().map(resolve).toList(), eligibility,
                benefit == null ? null : new CampaignBenefit(benefit.cash(), benefit.goods().stream().map(goods -> new CampaignBenefit.Goods(
                        goods.item(), goods.unit(), goods.quantityPerHousehold(),
                        goods.stockOfficeUnitCode() == null ? null : resolve.apply(goods.stockOfficeUnitCode()))).toList(),
                        benefit.per(), benefit.byKind()),
                startsOn, endsOn, allowOverlap,
                quotas == null ? null : quotas.stream().map(q -> new Quota(resolve.apply(q.unitCode()), q.maxHouseholds())).toList(),
                organisationCode);
    }

    /** At most this many households on a target unit's part (a commune's share of the rice, in households). */
    public record Quota(@NotBlank @Pattern(regexp = UnitKeys.KEY) String unitCode,
                        @NotNull @Positive Integer maxHouseholds) {
    }

    /**
     * A household qualifies if it has one of the categories, one of the poverty statuses, or an
     * approved need of one of the kinds (FOOD, CASH...) reported through the public link.
     */
    public record Eligibility(@Size(max = 20) List<@NotNull @Pattern(regexp = "^[A-Z_]{2,40}$") String> categories,
                              @Size(max = 4) List<@NotNull @Pattern(regexp = "^[A-Z_]{2,40}$") String> povertyStatuses,
                              @Size(max = 10) List<@NotNull @Pattern(regexp = "^[A-Z_]{2,40}$") String> approvedNeeds) {
    }
}
