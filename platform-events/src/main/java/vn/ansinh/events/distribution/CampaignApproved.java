package vn.ansinh.events.distribution;

import java.time.LocalDate;
import java.util.Map;

/**
 * A campaign's list was approved: who it is for in numbers, never in names. Published in the same
 * write as its reservation request; reports measure coverage against these counts.
 *
 * @param perHousehold               what a household receives when nothing sets it apart: the default
 *                                   share (with a table by kind or payment per person, see {@code total})
 * @param approvedHouseholdsByCommune households on the approved list, by the commune they live in
 * @param programmeId                the programme the campaign is a round of (its own id for a single round)
 * @param round                      the round's number in its programme, from 1
 * @param approvedPersons            the eligible people the list counts (its households' members when paid per household)
 * @param total                      what the whole list is to receive
 * @param organisationCode           the organisation of the office that runs the campaign; {@code null} for the office itself
 */
public record CampaignApproved(String campaignId, String name, String officeUnitCode, LocalDate startsOn,
                               LocalDate endsOn, Benefit perHousehold, Map<String, Long> approvedHouseholdsByCommune,
                               String programmeId, int round, long approvedPersons, Benefit total,
                               String organisationCode) {

    public CampaignApproved {
        approvedHouseholdsByCommune = approvedHouseholdsByCommune == null ? Map.of() : Map.copyOf(approvedHouseholdsByCommune);
        programmeId = programmeId == null ? campaignId : programmeId;
        round = round < 1 ? 1 : round;
    }

    /** A campaign of the office itself (events older than organisations). */
    public CampaignApproved(String campaignId, String name, String officeUnitCode, LocalDate startsOn, LocalDate endsOn,
                            Benefit perHousehold, Map<String, Long> approvedHouseholdsByCommune, String programmeId, int round,
                            long approvedPersons, Benefit total) {
        this(campaignId, name, officeUnitCode, startsOn, endsOn, perHousehold, approvedHouseholdsByCommune, programmeId, round,
                approvedPersons, total, null);
    }

    /** A campaign of a single round paying the same to every household (events older than rounds). */
    public CampaignApproved(String campaignId, String name, String officeUnitCode, LocalDate startsOn, LocalDate endsOn,
                            Benefit perHousehold, Map<String, Long> approvedHouseholdsByCommune) {
        this(campaignId, name, officeUnitCode, startsOn, endsOn, perHousehold, approvedHouseholdsByCommune, null, 1, 0, null, null);
    }
}
