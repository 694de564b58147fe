package vn.ansinh.reporting.projection;

import java.util.List;

/** The cash donations read model: one document per donation. */
public final class CashDonationView {

    public static final String COLLECTION = "donation_view";
    public static final String FUND_ID = "fundId";
    public static final String OFFICE_UNIT_CODE = "officeUnitCode";
    public static final String AMOUNT = "amount";
    public static final String CHANNEL = "channel";
    public static final String RECEIVED_AT = "receivedAt";

    static final List<String> INDEXED = List.of(OFFICE_UNIT_CODE, FUND_ID);

    private CashDonationView() {
    }
}
