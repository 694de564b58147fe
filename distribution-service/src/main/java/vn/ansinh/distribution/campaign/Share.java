package vn.ansinh.distribution.campaign;

import java.util.List;

/**
 * What one entry of a list receives, worked out from the campaign's benefit when the household was
 * listed: the household's cash, its goods item by item (in the order of the campaign's items), and
 * how many people it counts when the benefit is paid per person.
 *
 * @param cash    whole VND
 * @param persons the eligible people the share counts (the household's members when paid per household)
 * @param kind    the row of the benefit's table the household matched, when paid per household by category
 */
public record Share(long cash, List<Quantity> goods, int persons, String kind) {

    /** @param thousandths the quantity in thousandths of the item's unit */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ShareQuantity")
    public record Quantity(String item, long thousandths) {
    }

    public Share {
        goods = goods == null ? List.of() : List.copyOf(goods);
    }

    /** True when the household would receive nothing: it is not eligible for this benefit. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return cash == 0 && goods.stream().allMatch(quantity -> quantity.thousandths() == 0);
    }
}
