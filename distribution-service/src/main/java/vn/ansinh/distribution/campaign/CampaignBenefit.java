package vn.ansinh.distribution.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.text.VietnameseNames;

/**
 * What the list receives: cash from a fund and/or goods from an office's stock, for each household or
 * for each eligible person of a household ({@code per}), the same for everyone or by kind
 * ({@code byKind}: the household's category, or the person's kind when paid per person — the first row
 * that matches, in the order the office wrote them).
 *
 * @param cash  the fund, and the amount for anyone no row of {@code byKind} matches (none: nothing)
 * @param items the goods, with the quantity for anyone no row matches
 */
record CampaignBenefit(@Valid Cash cash, @Size(max = 20) List<@Valid @NotNull Goods> items, Basis per,
                       @Size(max = 20) List<@Valid @NotNull KindRate> byKind) {

    /** Who counts once: the household, or each eligible person in it (counted from its members). */
    public enum Basis { HOUSEHOLD, PERSON }

    public record Cash(@NotBlank @Size(max = 64) String fundId, @Positive @Max(1_000_000_000L) Long amountPerHousehold) {
    }

    /** @param stockOfficeUnitCode the office whose stock gives the goods (default: the campaign's office) */
    public record Goods(@NotBlank @Size(max = 100) String item, @NotBlank @Size(max = 20) String unit,
                        @NotNull @PositiveOrZero @Digits(integer = 6, fraction = 3) @DecimalMax("100000") BigDecimal quantityPerHousehold,
                        @Pattern(regexp = UnitKeys.KEY) String stockOfficeUnitCode) {
    }

    /** What one kind receives instead of the default: its own amount, its own quantity of some of the items. */
    public record KindRate(@NotBlank @Pattern(regexp = "^[A-Z_]{2,40}$") String kind, @PositiveOrZero @Max(1_000_000_000L) Long amount,
                           @Size(max = 20) List<@Valid @NotNull KindQuantity> items) {

        List<KindQuantity> quantities() {
            return items == null ? List.of() : items;
        }
    }

    public record KindQuantity(@NotBlank @Size(max = 100) String item,
                               @NotNull @PositiveOrZero @Digits(integer = 6, fraction = 3) @DecimalMax("100000") BigDecimal quantity) {
    }

    public List<Goods> goods() {
        return items == null ? List.of() : items;
    }

    public Basis basis() {
        return per == null ? Basis.HOUSEHOLD : per;
    }

    public List<KindRate> rates() {
        return byKind == null ? List.of() : byKind;
    }

    /** Refuses a benefit that could give nobody anything, or whose table names what it does not give. */
    void requireComplete() {
        if (cash == null && goods().isEmpty()) {
            throw Refusal.invalid("benefit", "NotEmpty");
        }
        boolean anyKindAmount = rates().stream().anyMatch(rate -> rate.amount() != null);
        if (cash == null && anyKindAmount) {
            throw Refusal.invalid("benefit.cash", "NotNull");
        }
        if (cash != null && cash.amountPerHousehold() == null && !anyKindAmount) {
            throw Refusal.invalid("benefit.cash.amountPerHousehold", "NotNull");
        }
        if (rates().isEmpty() && goods().stream().anyMatch(item -> item.quantityPerHousehold().signum() == 0)) {
            throw Refusal.invalid("benefit.items.quantityPerHousehold", "Positive");
        }
        Set<String> kinds = new HashSet<>();
        Set<String> itemKeys = new HashSet<>();
        goods().forEach(item -> itemKeys.add(VietnameseNames.searchKey(item.item())));
        for (KindRate rate : rates()) {
            if (!kinds.add(rate.kind())) {
                throw Refusal.invalid("benefit.byKind.kind", "duplicate-kind");
            }
            if (rate.quantities().stream().anyMatch(quantity -> !itemKeys.contains(VietnameseNames.searchKey(quantity.item())))) {
                throw Refusal.invalid("benefit.byKind.items.item", "not-a-benefit-item");
            }
        }
    }

    /**
     * What one household receives: by its categories when paid per household, by its members' kinds
     * when paid per person; empty when nothing matches and there is no default.
     *
     * @param memberKinds each member's kinds, as far as the registry said them (missing members have none)
     */
    Share shareOf(List<String> categories, int memberCount, List<List<String>> memberKinds) {
        if (basis() == Basis.HOUSEHOLD) {
            KindRate rate = firstMatching(categories == null ? List.of() : categories);
            return new Share(cashFor(rate), goodsFor(rate, 1), memberCount, rate == null ? null : rate.kind());
        }
        long cashTotal = 0;
        long[] goodsTotal = new long[goods().size()];
        int persons = 0;
        for (int member = 0; member < memberCount; member++) {
            List<String> kinds = memberKinds != null && member < memberKinds.size() && memberKinds.get(member) != null
                    ? memberKinds.get(member) : List.of();
            KindRate rate = firstMatching(kinds);
            long personCash = cashFor(rate);
            List<Share.Quantity> personGoods = goodsFor(rate, 1);
            if (personCash == 0 && personGoods.stream().allMatch(quantity -> quantity.thousandths() == 0)) {
                continue; // not eligible: no row for them and no default
            }
            persons++;
            cashTotal += personCash;
            for (int i = 0; i < goodsTotal.length; i++) {
                goodsTotal[i] += personGoods.get(i).thousandths();
            }
        }
        List<Share.Quantity> goodsShare = new ArrayList<>();
        for (int i = 0; i < goodsTotal.length; i++) {
            goodsShare.add(new Share.Quantity(goods().get(i).item(), goodsTotal[i]));
        }
        return new Share(cashTotal, goodsShare, persons, null);
    }

    /** What a household receives when nothing is known of it but that it is on the list (entries listed before tables). */
    Share defaultShare() {
        return new Share(cashFor(null), goodsFor(null, 1), 1, null);
    }

    private KindRate firstMatching(List<String> kinds) {
        return rates().stream().filter(rate -> kinds.contains(rate.kind())).findFirst().orElse(null);
    }

    private long cashFor(KindRate rate) {
        if (cash == null) {
            return 0;
        }
        if (rate != null && rate.amount() != null) {
            return rate.amount();
        }
        return cash.amountPerHousehold() == null ? 0 : cash.amountPerHousehold();
    }

    private List<Share.Quantity> goodsFor(KindRate rate, int times) {
        List<Share.Quantity> quantities = new ArrayList<>();
        for (Goods item : goods()) {
            BigDecimal quantity = item.quantityPerHousehold();
            if (rate != null) {
                String key = VietnameseNames.searchKey(item.item());
                quantity = rate.quantities().stream().filter(q -> VietnameseNames.searchKey(q.item()).equals(key))
                        .map(KindQuantity::quantity).findFirst().orElse(quantity);
            }
            quantities.add(new Share.Quantity(item.item(), quantity.movePointRight(3).longValueExact() * times));
        }
        return quantities;
    }
}
