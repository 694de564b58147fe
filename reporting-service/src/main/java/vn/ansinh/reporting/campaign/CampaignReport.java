package vn.ansinh.reporting.campaign;

import java.util.List;

import vn.ansinh.reporting.figures.GoodsLine;

/**
 * How far a campaign got: households approved and reached, by commune, and what was handed over.
 *
 * @param cashDelivered    whole VND handed to households
 * @param communes         the communes of the campaign that the reader may see
 * @param programmeId      the programme the campaign is a round of (its own id for a single round)
 * @param round            the round's number in its programme
 * @param approvedPersons  eligible people on the whole approved list (0 for lists approved before it was counted)
 * @param deliveredPersons eligible people served by the deliveries the reader may see, when paid per person
 * @param cashApproved     VND the whole approved list is to receive (null for lists approved before it was counted)
 * @param verification     the verification after delivery in the communes shown: the sample, the outcomes, the verified rate
 */
public record CampaignReport(String campaignId, String name, String officeUnitCode, String state, String startsOn,
                             String endsOn, long approvedHouseholds, long deliveredHouseholds, double coveragePercent,
                             long cashDelivered, List<GoodsLine> goodsDelivered, List<CommuneProgress> communes,
                             String programmeId, int round, long approvedPersons, long deliveredPersons, Long cashApproved,
                             VerificationFigures verification) {

    public record CommuneProgress(String unitCode, String unitName, long approvedHouseholds, long deliveredHouseholds,
                                  double coveragePercent) {
    }
}
