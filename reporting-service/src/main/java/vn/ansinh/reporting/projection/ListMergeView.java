package vn.ansinh.reporting.projection;

import java.util.List;

/** Duplicates merged away from approved lists: each counts one household fewer in its commune. */
final class ListMergeView {

    public static final String COLLECTION = "list_merge_view";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String UNIT_CODE = "unitCode";

    static final List<String> INDEXED = List.of(CAMPAIGN_ID);

    private ListMergeView() {
    }
}
