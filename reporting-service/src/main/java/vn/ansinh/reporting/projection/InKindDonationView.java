package vn.ansinh.reporting.projection;

import java.util.List;

/** The donations of goods read model: one document per donation, its lines as {@link GoodsLines}. */
public final class InKindDonationView {

    public static final String COLLECTION = "in_kind_view";
    public static final String OFFICE_UNIT_CODE = "officeUnitCode";
    public static final String ITEMS = "items";
    /** The donor's estimate of the whole donation, in đồng. */
    public static final String VALUE = "value";
    public static final String RECEIVED_AT = "receivedAt";
    /** The office's organisation whose store took the goods; null for the office's own. */
    public static final String ORGANISATION_CODE = "organisationCode";

    static final List<String> INDEXED = List.of(OFFICE_UNIT_CODE);

    private InKindDonationView() {
    }
}
