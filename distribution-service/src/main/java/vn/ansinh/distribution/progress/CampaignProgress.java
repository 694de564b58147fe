package vn.ansinh.distribution.progress;

import vn.ansinh.distribution.campaign.CampaignState;

import java.util.List;

/** How far a campaign has come, overall and per target unit; coverage = delivered / approved. */
record CampaignProgress(String campaignId, CampaignState state, long approved, long delivered, long pending,
                               double coveragePercent, List<UnitProgress> byUnit) {

    public record UnitProgress(String unitCode, String unitName, long approved, long delivered, long pending,
                               double coveragePercent) {
    }

    static double percent(long delivered, long approved) {
        return approved == 0 ? 0 : Math.round(delivered * 10_000.0 / approved) / 100.0;
    }
}
