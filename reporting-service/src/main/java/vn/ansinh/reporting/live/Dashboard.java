package vn.ansinh.reporting.live;

import java.time.Instant;
import java.util.List;

import vn.ansinh.reporting.campaign.CampaignReport;
import vn.ansinh.reporting.figures.AreaFigures;

/** Everything the dashboard shows for one unit, sent whole on every update. */
public record Dashboard(AreaFigures figures, List<CampaignReport> campaigns, Instant asOf) {
}
