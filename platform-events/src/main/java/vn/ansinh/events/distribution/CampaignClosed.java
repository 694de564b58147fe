package vn.ansinh.events.distribution;

/** A campaign ended (finished, cancelled or timed out): what it reserved and did not deliver goes back. */
public record CampaignClosed(String campaignId, String reason) {
}
