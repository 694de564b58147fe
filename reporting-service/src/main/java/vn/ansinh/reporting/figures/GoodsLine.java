package vn.ansinh.reporting.figures;

import java.math.BigDecimal;

/**
 * A quantity of one item (goods of one name and unit) with its value.
 *
 * @param quantity in the item's unit (kept exact: stored in thousandths)
 * @param value    whole VND; for received goods the donors' estimate, for delivered goods the
 *                 quantity priced at the average estimate of the same item received in the area
 *                 (0 when none was received there)
 */
public record GoodsLine(String item, String unit, BigDecimal quantity, long value) {
}
