package vn.ansinh.reporting.figures;

import java.util.List;
import java.util.stream.Stream;

import vn.ansinh.reporting.projection.CampaignStates;
import vn.ansinh.reporting.projection.CashTotals;
import vn.ansinh.reporting.projection.DeliveryView;
import vn.ansinh.reporting.projection.FeedbackView;
import vn.ansinh.reporting.projection.HouseholdView;
import vn.ansinh.reporting.projection.InKindDonationView;
import vn.ansinh.reporting.projection.NeedView;
import vn.ansinh.reporting.projection.UnitStatisticsView;

/**
 * The parts a unit's figures are added up from, each with the read models it reads and the bindings
 * whose events write them: a part need only be computed again when one of those has changed.
 */
public enum FigurePart {
    HOUSEHOLDS(List.of(HouseholdView.COLLECTION), List.of("households-in-0")),
    NEEDS(List.of(NeedView.COLLECTION), List.of("needs-in-0")),
    /** Residents' feedback by kind and state (the overdue count is as of the last time feedback changed). */
    FEEDBACK(List.of(FeedbackView.COLLECTION), List.of("needs-in-0")),
    CASH_RECEIVED(List.of(CashTotals.COLLECTION), List.of("donations-in-0")),
    GOODS_RECEIVED(List.of(InKindDonationView.COLLECTION), List.of("donations-in-0")),
    DELIVERED(List.of(DeliveryView.COLLECTION), List.of("campaigns-in-0")),
    APPROVED(CampaignStates.COLLECTIONS, List.of("campaigns-in-0", "reservations-in-0")),
    /** The units' yearly statistics and targets, what the rates are divided by and measured against. */
    STATISTICS(List.of(UnitStatisticsView.COLLECTION), List.of("unitStatistics-in-0")),
    /** Not a figure: the reports of the campaigns in the area, shown beside the figures. */
    CAMPAIGN_REPORTS(Stream.concat(CampaignStates.COLLECTIONS.stream(), Stream.of(DeliveryView.COLLECTION)).toList(),
            List.of("campaigns-in-0", "reservations-in-0"));

    private final List<String> collections;
    private final List<String> bindings;

    FigurePart(List<String> collections, List<String> bindings) {
        this.collections = collections;
        this.bindings = bindings;
    }

    public List<String> collections() {
        return collections;
    }

    public List<String> bindings() {
        return bindings;
    }
}
