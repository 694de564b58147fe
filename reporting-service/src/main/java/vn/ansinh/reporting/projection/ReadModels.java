package vn.ansinh.reporting.projection;

/** Collections of the reporting read models. Each holds one document per source aggregate, with its version. */
public final class ReadModels {

    public static final String HOUSEHOLDS = "household_view";
    public static final String FUNDS = "fund_view";
    public static final String DONATIONS = "donation_view";

    private ReadModels() {
    }
}
