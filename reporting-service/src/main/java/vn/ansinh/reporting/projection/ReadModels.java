package vn.ansinh.reporting.projection;

import java.util.List;

/**
 * Collections of the reporting read models: one document per source fact (a household, a need, a
 * donation, a delivery...), never a running counter, so that applying an event twice or late cannot
 * change a figure. Figures are added up from these documents when asked.
 */
public final class ReadModels {

    public static final String HOUSEHOLDS = "household_view";
    public static final String NEEDS = "need_view";
    public static final String FUNDS = "fund_view";
    public static final String CASH_DONATIONS = "donation_view";
    public static final String IN_KIND_DONATIONS = "in_kind_view";
    public static final String CAMPAIGNS = "campaign_view";
    public static final String RESERVATION_ANSWERS = "reservation_answer_view";
    public static final String DELIVERIES = "delivery_view";
    /** Duplicates merged away from approved lists: the list counts one household fewer in their commune. */
    public static final String LIST_MERGES = "list_merge_view";

    /** Every read model, in the order a rebuild writes them. */
    public static final List<String> ALL = List.of(HOUSEHOLDS, NEEDS, FUNDS, CASH_DONATIONS, IN_KIND_DONATIONS, CAMPAIGNS,
            RESERVATION_ANSWERS, DELIVERIES, LIST_MERGES);

    private ReadModels() {
    }
}
