package vn.ansinh.donation.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantities of goods are kept as whole thousandths of their unit (1.5 kg = 1500), so sums are exact. */
public final class Quantities {

    private Quantities() {
    }

    /** @throws ArithmeticException for more than three decimals */
    public static long toThousandths(BigDecimal quantity) {
        return quantity.movePointRight(3).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** 1500 gives 1.5 and 2000 gives 2 (not 2.000 nor 2E+3). */
    public static BigDecimal fromThousandths(long thousandths) {
        BigDecimal quantity = BigDecimal.valueOf(thousandths, 3).stripTrailingZeros();
        return quantity.scale() < 0 ? quantity.setScale(0) : quantity;
    }
}
