package vn.ansinh.reporting.figures;

/** Shares as reports print them: percent with two decimals. */
public final class Percent {

    private Percent() {
    }

    /** @return part over whole in percent, 0 when the whole is 0 (a rate of nothing) */
    public static double of(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 100.0;
    }

    /**
     * A rate as offices report it: part over a whole from the statistics, two decimals rounded half up.
     *
     * @return null when the whole is not known (missing statistics are not a rate of 0 or 100)
     */
    public static java.math.BigDecimal rate(long part, Long whole) {
        if (whole == null || whole <= 0) {
            return null;
        }
        return java.math.BigDecimal.valueOf(part).multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(whole), 2, java.math.RoundingMode.HALF_UP);
    }
}
