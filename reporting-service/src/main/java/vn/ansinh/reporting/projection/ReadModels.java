package vn.ansinh.reporting.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting read models: one document per source fact (a household, a need, a donation, a
 * delivery...), so that applying an event twice or late cannot change a figure, and figures are
 * added up from these documents when asked. The one exception is cash received, which a crisis makes
 * too large to add up for every dashboard update: {@link CashTotals} keeps it as running totals that
 * know how far they have counted. Each collection's name and fields
 * belong to its own class ({@link HouseholdView}, {@link DeliveryView}...); this one lists them.
 */
public final class ReadModels {

    /** Every read model with the fields its queries select by, in the order a rebuild writes them. */
    static final Map<String, List<String>> INDEXED_FIELDS = indexed();

    /** Every read model, in the order a rebuild writes them. */
    public static final List<String> ALL = List.copyOf(INDEXED_FIELDS.keySet());

    private ReadModels() {
    }

    private static Map<String, List<String>> indexed() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put(HouseholdView.COLLECTION, HouseholdView.INDEXED);
        all.put(NeedView.COLLECTION, NeedView.INDEXED);
        all.put(OrganisationView.COLLECTION, OrganisationView.INDEXED);
        all.put(FundView.COLLECTION, FundView.INDEXED);
        all.put(CashDonationView.COLLECTION, CashDonationView.INDEXED);
        all.put(CashTotals.COLLECTION, CashTotals.INDEXED);
        all.put(InKindDonationView.COLLECTION, InKindDonationView.INDEXED);
        all.put(CampaignView.COLLECTION, CampaignView.INDEXED);
        all.put(VerificationView.COLLECTION, VerificationView.INDEXED);
        all.put(HouseView.COLLECTION, HouseView.INDEXED);
        all.put(ReservationAnswerView.COLLECTION, ReservationAnswerView.INDEXED);
        all.put(DeliveryView.COLLECTION, DeliveryView.INDEXED);
        all.put(ListMergeView.COLLECTION, ListMergeView.INDEXED);
        all.put(UnitStatisticsView.COLLECTION, UnitStatisticsView.INDEXED);
        all.put(FeedbackView.COLLECTION, FeedbackView.INDEXED);
        return java.util.Collections.unmodifiableMap(all);
    }
}
