package vn.ansinh.reporting.projection;

import java.util.List;

/** The funds read model: one document per fund, with the totals after its highest ledger entry seen. */
public final class FundView {

    public static final String COLLECTION = "fund_view";
    public static final String NAME = "name";
    public static final String OFFICE_UNIT_CODE = "officeUnitCode";
    public static final String PURPOSE = "purpose";
    /** The office's organisation the fund belongs to; absent or null for the office's own fund. */
    public static final String ORGANISATION_CODE = "organisationCode";
    /** The ledger entry the totals are those after. */
    public static final String ENTRY_SEQ = "entrySeq";
    public static final String RECEIVED = "received";
    public static final String RESERVED = "reserved";
    public static final String SPENT = "spent";
    public static final String LAST_ENTRY_AT = "lastEntryAt";

    static final List<String> INDEXED = List.of(OFFICE_UNIT_CODE);

    private FundView() {
    }
}
