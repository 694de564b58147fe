package vn.ansinh.events.distribution;

/**
 * After a campaign's list was approved, two households on it were found to be one family and merged:
 * the list now counts one household fewer in {@code unitCode}, the commune of the entry that went.
 */
public record CampaignListMerged(String campaignId, String householdId, String keptHouseholdId, String unitCode) {
}
