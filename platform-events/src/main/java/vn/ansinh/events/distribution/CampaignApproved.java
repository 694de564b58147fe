package vn.ansinh.events.distribution;

import java.time.LocalDate;
import java.util.Map;

/**
 * A campaign's list was approved: who it is for in numbers, never in names. Published in the same
 * write as its reservation request; reports measure coverage against these counts.
 *
 * @param perHousehold               what each household on the list is to receive
 * @param approvedHouseholdsByCommune households on the approved list, by the commune they live in
 */
public record CampaignApproved(String campaignId, String name, String officeUnitCode, LocalDate startsOn,
                               LocalDate endsOn, Benefit perHousehold, Map<String, Long> approvedHouseholdsByCommune) {

    public CampaignApproved {
        approvedHouseholdsByCommune = approvedHouseholdsByCommune == null ? Map.of() : Map.copyOf(approvedHouseholdsByCommune);
    }
}
