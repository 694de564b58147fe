package vn.ansinh.reporting.figures;

/** Shares as reports print them: percent with two decimals. */
public final class Percent {

    private Percent() {
    }

    /** @return part over whole in percent, 0 when the whole is 0 (a rate of nothing) */
    public static double of(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 100.0;
    }
}
