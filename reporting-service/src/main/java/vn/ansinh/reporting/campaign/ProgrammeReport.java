package vn.ansinh.reporting.campaign;

import java.util.List;

import vn.ansinh.reporting.figures.GoodsLine;

/**
 * A programme paid in rounds ("đợt 1, 2, 3" of a resolution): each round's report, and the totals.
 *
 * @param rounds the approved rounds the reader may see, first to last
 * @param total  the rounds added up
 */
public record ProgrammeReport(String programmeId, String name, List<CampaignReport> rounds, Total total) {

    /**
     * @param payments         deliveries over all rounds (a household paid in three rounds counts three times)
     * @param householdsReached different households paid at least once
     * @param deliveredPersons  eligible people served, added over the rounds, when paid per person
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ProgrammeTotal")
    public record Total(int rounds, long approvedHouseholds, long payments, long householdsReached, long deliveredPersons,
                        long cashDelivered, List<GoodsLine> goodsDelivered) {
    }
}
