package vn.ansinh.events.distribution;

import java.util.List;

/**
 * Money and goods, as asked for a campaign or handed over in a delivery.
 *
 * @param money amounts in whole VND per fund
 * @param goods quantities in thousandths of the unit per office stock and item (an organisation's store
 *              when {@code organisationCode} names one)
 */
public record Benefit(List<Money> money, List<Goods> goods) {

    public record Money(String fundId, long amount) {
    }

    public record Goods(String officeUnitCode, String item, String unit, long quantityThousandths, String organisationCode) {

        /** Goods from the office's own store (events older than organisations). */
        public Goods(String officeUnitCode, String item, String unit, long quantityThousandths) {
            this(officeUnitCode, item, unit, quantityThousandths, null);
        }
    }

    public Benefit {
        money = money == null ? List.of() : List.copyOf(money);
        goods = goods == null ? List.of() : List.copyOf(goods);
    }
}
