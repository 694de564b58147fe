package vn.ansinh.reporting.campaign;

import java.util.List;

import vn.ansinh.reporting.figures.GoodsLine;

/**
 * How far a campaign got: households approved and reached, by commune, and what was handed over.
 *
 * @param cashDelivered whole VND handed to households
 * @param communes      the communes of the campaign that the reader may see
 */
public record CampaignReport(String campaignId, String name, String officeUnitCode, String state, String startsOn,
                             String endsOn, long approvedHouseholds, long deliveredHouseholds, double coveragePercent,
                             long cashDelivered, List<GoodsLine> goodsDelivered, List<CommuneProgress> communes) {

    public record CommuneProgress(String unitCode, String unitName, long approvedHouseholds, long deliveredHouseholds,
                                  double coveragePercent) {
    }
}
