package vn.ansinh.reporting.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import vn.ansinh.reporting.campaign.CampaignReportService;
import vn.ansinh.reporting.figures.FigurePart;
import vn.ansinh.reporting.figures.FigureParts;
import vn.ansinh.reporting.figures.FiguresService;
import vn.ansinh.reporting.projection.DashboardUpdates;
import vn.ansinh.reporting.projection.ProjectionGroups;

/**
 * Pushes dashboard figures to open browsers. Changes are coalesced: every {@code tick} the stream
 * looks whether any read model changed and, if so, computes each watched unit's figures once and
 * hands them to everyone watching it; only the parts whose read models changed are computed again.
 * Changes projected by another reporting instance are seen from the consumer groups' committed
 * offsets, which every instance moves after writing. At thousands of events a second that is still
 * four computations a second per unit, and an event shows on screen within one tick plus the
 * computing.
 * <p>
 * A stream is bounded: it ends when the token it was opened with expires (at the latest after
 * {@code max-lifetime}; the page opens a new one with its current token), a person has at most
 * {@code max-per-person} streams (a new one closes their oldest), and the ticks and the sends run on
 * this stream's own threads: a send to a slow client holds up that client alone — while it is busy it
 * only ever gets the newest figures — never the tick, nor other services' scheduled work.
 */
@Component
class DashboardStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);
    private static final Object HEARTBEAT = new Object();

    /** One open stream: its newest undelivered message, and whether a sender is busy with it. */
    private final class Watcher {
        final SseEmitter emitter;
        final String unitCode;
        final String person;
        final AtomicReference<Object> pending = new AtomicReference<>();
        final AtomicBoolean sending = new AtomicBoolean();

        Watcher(SseEmitter emitter, String unitCode, String person) {
            this.emitter = emitter;
            this.unitCode = unitCode;
            this.person = person;
        }

        /** Queues the message, replacing one not sent yet; a free sender takes it. */
        void offer(Object message) {
            pending.set(message);
            dispatch();
        }

        /** A keep-alive, unless figures are waiting to go anyway. */
        void keepAlive() {
            pending.compareAndSet(null, HEARTBEAT);
            dispatch();
        }

        private void dispatch() {
            if (pending.get() != null && sending.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            try {
                for (Object message = pending.getAndSet(null); message != null; message = pending.getAndSet(null)) {
                    if (message == HEARTBEAT) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                    } else {
                        emitter.send(SseEmitter.event().name("dashboard").data(message, MediaType.APPLICATION_JSON));
                    }
                }
            } catch (IOException | IllegalStateException gone) {
                close(this, gone);
            } finally {
                sending.set(false);
            }
            dispatch(); // a message that came while this one was being written
        }
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final DashboardUpdates updates;
    private final FiguresService figures;
    private final CampaignReportService campaigns;
    private final Clock clock;
    private final Duration tick;
    private final Duration maxLifetime;
    private final int maxPerPerson;
    private final ExecutorService senders;
    private ScheduledExecutorService ticker;
    private volatile long sentChanges = -1;
    private final ProjectionGroups groups;
    /** Per binding, the consumer groups' committed offsets, read while other instances consume too. */
    private volatile Map<String, Long> committed = Map.of();
    private volatile boolean othersConsume;
    private long othersCheckedAt = Long.MIN_VALUE;
    private final Duration othersCheckEvery;
    private final Map<KeptKey, Kept> kept = new ConcurrentHashMap<>();
    private final FigureParts keptParts = new KeptParts();

    public DashboardStream(DashboardUpdates updates, ProjectionGroups groups, FiguresService figures, CampaignReportService campaigns, Clock clock,
                           MeterRegistry meters,
                           @Value("${ansinh.reporting.dashboard-tick:PT0.25S}") Duration tick,
                           @Value("${ansinh.reporting.stream.max-lifetime:PT30M}") Duration maxLifetime,
                           @Value("${ansinh.reporting.stream.max-per-person:4}") int maxPerPerson,
                           @Value("${ansinh.reporting.stream.senders:16}") int senderThreads,
                           @Value("${ansinh.reporting.stream.other-instances-check:PT5S}") Duration othersCheckEvery) {
        this.updates = updates;
        this.groups = groups;
        this.figures = figures;
        this.campaigns = campaigns;
        this.clock = clock;
        this.tick = tick;
        this.maxLifetime = maxLifetime;
        this.maxPerPerson = maxPerPerson;
        this.othersCheckEvery = othersCheckEvery;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(senderThreads, senderThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, "dashboard-send"));
        pool.allowCoreThreadTimeOut(true);
        this.senders = pool;
        Gauge.builder("ansinh.dashboard.watchers", watchers, List::size).register(meters);
    }

    /**
     * Opens a stream for a unit the caller may read, starting with the current figures; it ends when
     * {@code tokenExpiresAt} passes.
     */
    public SseEmitter watch(String unitCode, String person, Instant tokenExpiresAt) {
        Instant now = clock.instant();
        Duration untilExpiry = tokenExpiresAt == null ? maxLifetime : Duration.between(now, tokenExpiresAt);
        long timeout = Math.max(1_000, Math.min(untilExpiry.toMillis(), maxLifetime.toMillis()));
        SseEmitter emitter = new SseEmitter(timeout);
        Watcher watcher = new Watcher(emitter, unitCode, person);
        emitter.onCompletion(() -> watchers.remove(watcher));
        emitter.onTimeout(() -> {
            watchers.remove(watcher);
            emitter.complete();
        });
        emitter.onError(error -> watchers.remove(watcher));
        List<Watcher> theirs = watchers.stream().filter(w -> w.person.equals(person)).toList(); // oldest first: the list keeps its order
        for (int i = 0; i <= theirs.size() - maxPerPerson; i++) {
            close(theirs.get(i), null); // the oldest go: a reloaded page must not pile up streams
        }
        watchers.add(watcher);
        watcher.offer(watchedDashboard(unitCode));
        return emitter;
    }

    /** The unit's dashboard computed now, for one request. */
    public Dashboard dashboard(String unitCode) {
        return new Dashboard(figures.of(unitCode), campaigns.inArea(unitCode), clock.instant());
    }

    /** The unit's dashboard for the streams, from the parts kept while they are current. */
    private Dashboard watchedDashboard(String unitCode) {
        return new Dashboard(figures.of(unitCode, keptParts),
                keptParts.part(unitCode, null, FigurePart.CAMPAIGN_REPORTS, () -> campaigns.inArea(unitCode)), clock.instant());
    }

    void pushChanges() {
        if (watchers.isEmpty()) {
            sentChanges = -1;
            kept.clear();
            return;
        }
        readOtherInstances();
        long changes = updates.changes() + committed.values().stream().mapToLong(Long::longValue).sum();
        if (changes == sentChanges) {
            return;
        }
        sentChanges = changes;
        Set<String> watched = new HashSet<>();
        Map<String, Dashboard> byUnit = new HashMap<>();
        for (Watcher watcher : watchers) {
            watched.add(watcher.unitCode);
            try {
                watcher.offer(byUnit.computeIfAbsent(watcher.unitCode, this::watchedDashboard));
            } catch (RuntimeException e) {
                log.warn("Dashboard figures for one unit could not be computed: {}", e.toString());
            }
        }
        kept.keySet().removeIf(key -> !watched.contains(key.unitCode()));
    }

    /**
     * What the other reporting instances have projected: each consumes only its share of the
     * partitions, so this instance's own counts miss their changes, but every instance commits to
     * the same consumer groups after writing. Whether others consume at all is looked at every few
     * seconds; the offsets are read on every tick only while they do.
     */
    private void readOtherInstances() {
        try {
            long now = System.nanoTime();
            if (othersCheckedAt == Long.MIN_VALUE || now - othersCheckedAt >= othersCheckEvery.toNanos()) {
                othersCheckedAt = now;
                othersConsume = groups.liveConsumers() > groups.ownConsumers();
            }
            committed = othersConsume ? groups.committedByBinding() : Map.of();
        } catch (Exception brokerAway) {
            log.debug("Committed offsets not read: {}", brokerAway.toString());
        }
    }

    private record KeptKey(String unitCode, FigurePart part) {
    }

    /** A part kept with the stamp of the read models it was computed from, and its basis. */
    private record Kept(long stamp, Object basis, Object value) {
    }


    /**
     * Keeps each part of a watched unit's figures until one of its read models changes: a flood of
     * donations recomputes the cash received, not the households. A part's stamp is read before it is
     * computed, so a change made meanwhile has it computed again on the next tick.
     */
    private final class KeptParts implements FigureParts {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T part(String unitCode, Object basis, FigurePart part, java.util.function.Supplier<T> compute) {
            long stamp = stampOf(part);
            KeptKey key = new KeptKey(unitCode, part);
            Kept found = kept.get(key);
            if (found != null && found.stamp() == stamp && java.util.Objects.equals(found.basis(), basis)) {
                return (T) found.value();
            }
            T value = compute.get();
            kept.put(key, new Kept(stamp, basis, value));
            return value;
        }

        private long stampOf(FigurePart part) {
            long stamp = 0;
            for (String collection : part.collections()) {
                stamp += updates.version(collection);
            }
            Map<String, Long> offsets = committed;
            for (String binding : part.bindings()) {
                stamp += offsets.getOrDefault(binding, 0L);
            }
            return stamp;
        }
    }

    /** Keeps idle connections open through proxies that close silent ones. */
    void heartbeat() {
        watchers.forEach(Watcher::keepAlive);
    }

    private void close(Watcher watcher, Throwable error) {
        watchers.remove(watcher);
        try {
            if (error == null) {
                watcher.emitter.complete();
            } else {
                watcher.emitter.completeWithError(error);
            }
        } catch (RuntimeException alreadyDone) {
            // completed meanwhile
        }
    }


    @Override
    public void start() {
        ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "dashboard-tick"));
        ticker.scheduleWithFixedDelay(this::safely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::heartbeat, 20, 20, TimeUnit.SECONDS);
    }

    private void safely() {
        try {
            pushChanges();
        } catch (RuntimeException e) {
            log.warn("Dashboard tick failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        watchers.forEach(watcher -> close(watcher, null));
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return ticker != null && !ticker.isShutdown();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
