package vn.ansinh.reporting.live;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.reporting.campaign.CampaignReportService;
import vn.ansinh.reporting.figures.FiguresService;

/**
 * Pushes dashboard figures to open browsers. Changes are coalesced: every {@code tick} the stream
 * looks whether any read model changed and, if so, computes each watched unit's figures once and
 * sends them to everyone watching it. At a thousand events a second that is still four
 * computations a second per unit, and an event shows on screen within one tick plus the computing.
 */
@Component
public class DashboardStream {

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

    private record Watcher(SseEmitter emitter, String unitCode) {
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final DashboardUpdates updates;
    private final FiguresService figures;
    private final CampaignReportService campaigns;
    private final Clock clock;
    private long sentChanges = -1;

    public DashboardStream(DashboardUpdates updates, FiguresService figures, CampaignReportService campaigns, Clock clock,
                           MeterRegistry meters) {
        this.updates = updates;
        this.figures = figures;
        this.campaigns = campaigns;
        this.clock = clock;
        Gauge.builder("ansinh.dashboard.watchers", watchers, List::size).register(meters);
    }

    /** Opens a stream for a unit the caller may read, starting with the current figures. */
    public SseEmitter watch(String unitCode) {
        SseEmitter emitter = new SseEmitter(0L);
        Watcher watcher = new Watcher(emitter, unitCode);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> watchers.remove(watcher));
        emitter.onError(error -> watchers.remove(watcher));
        send(watcher, dashboard(unitCode));
        watchers.add(watcher);
        return emitter;
    }

    public Dashboard dashboard(String unitCode) {
        return new Dashboard(figures.of(unitCode), campaigns.inArea(unitCode), clock.instant());
    }

    @Scheduled(fixedDelayString = "${ansinh.reporting.dashboard-tick:PT0.25S}")
    void pushChanges() {
        long changes = updates.changes();
        if (changes == sentChanges || watchers.isEmpty()) {
            sentChanges = watchers.isEmpty() ? -1 : sentChanges;
            return;
        }
        sentChanges = changes;
        Map<String, Dashboard> byUnit = new HashMap<>();
        for (Watcher watcher : watchers) {
            try {
                send(watcher, byUnit.computeIfAbsent(watcher.unitCode(), this::dashboard));
            } catch (RuntimeException e) {
                log.warn("Dashboard figures for one unit could not be computed: {}", e.toString());
            }
        }
    }

    /** Keeps idle connections open through proxies that close silent ones. */
    @Scheduled(fixedDelayString = "PT20S")
    void heartbeat() {
        for (Watcher watcher : watchers) {
            try {
                watcher.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                watchers.remove(watcher);
            }
        }
    }

    private void send(Watcher watcher, Dashboard dashboard) {
        try {
            watcher.emitter().send(SseEmitter.event().name("dashboard").data(dashboard, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            watchers.remove(watcher);
            watcher.emitter().completeWithError(gone);
        }
    }
}
