package vn.ansinh.reporting.publicmap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.text.VietnameseNames;
import vn.ansinh.reporting.figures.AreaFigures;
import vn.ansinh.reporting.figures.FiguresService;
import vn.ansinh.reporting.figures.UnitFigures;
import vn.ansinh.reporting.projection.DeliveryView;
import vn.ansinh.reporting.projection.HouseholdView;

/** Builds the public map from the same figures the offices see, reduced to three counts and suppressed. */
@Service
class PublicMapService {

    private final FiguresService figures;
    private final AdminUnitDirectory units;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final int minCount;
    private final java.time.Duration cacheFor;

    public PublicMapService(FiguresService figures, AdminUnitDirectory units, MongoTemplate mongo, Clock clock,
                            @Value("${ansinh.reporting.public-map.min-count:5}") int minCount,
                            @Value("${ansinh.reporting.public-map.cache-for:PT5S}") java.time.Duration cacheFor) {
        this.cacheFor = cacheFor;
        this.figures = figures;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
        this.minCount = minCount;
    }

    /**
     * The map as anyone may ask for it, without signing in: the same unit asked again within
     * {@code cache-for} gets the same answer, computed once however many ask at the same moment, so a
     * crowd (or a script) asking for a whole province costs one computation every few seconds.
     */
    public PublicMap cachedMap(String requestedUnit) {
        String unitCode = units.resolveToday(requestedUnit); // a plain code means the unit carrying it today
        Instant now = clock.instant();
        Cached cached = cache.get(unitCode);
        if (cached != null && cached.computedAt.plus(cacheFor).isAfter(now)) {
            return cached.map.join();
        }
        if (cache.size() >= MAX_CACHED_UNITS) {
            cache.clear(); // a bound on memory: thousands of units asked at once are simply computed again
        }
        Cached fresh = new Cached(now, new java.util.concurrent.CompletableFuture<>());
        Cached winner = cached == null ? cache.putIfAbsent(unitCode, fresh) : cache.replace(unitCode, cached, fresh) ? null : cache.get(unitCode);
        if (winner != null && winner != fresh) {
            return winner.map.join();
        }
        try {
            fresh.map.complete(map(unitCode));
        } catch (RuntimeException failed) {
            cache.remove(unitCode, fresh);
            fresh.map.completeExceptionally(failed);
        }
        return fresh.map.join();
    }

    private record Cached(Instant computedAt, java.util.concurrent.CompletableFuture<PublicMap> map) {
    }

    private static final int MAX_CACHED_UNITS = 5_000;
    private final java.util.concurrent.ConcurrentMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    public PublicMap map(String unitCode) {
        AreaFigures area = figures.of(unitCode);
        UnitFigures total = area.total();
        boolean commune = units.children(unitCode).isEmpty() && !AdminUnitDirectory.NATIONAL.equals(unitCode);
        List<SmallCountSuppression.Row> rows = commune ? hamlets(unitCode) : new ArrayList<>(area.rows().stream()
                .map(row -> new SmallCountSuppression.Row(row.unitCode(), row.unitName(), inNeed(row),
                        row.approvedHouseholds(), row.deliveredHouseholds(), openOmissionReports(row)))
                .toList());
        PublicArea whole = SmallCountSuppression.suppressTotal(new SmallCountSuppression.Row(total.unitCode(),
                total.unitName(), inNeed(total), total.approvedHouseholds(), total.deliveredHouseholds(), openOmissionReports(total)),
                minCount);
        return new PublicMap(total.unitCode(), total.unitName(), total.level(), minCount, whole,
                SmallCountSuppression.suppress(rows, minCount), clock.instant());
    }

    /** Reports of a family left off a list that the office has not closed: what residents watch the map for. */
    private static long openOmissionReports(UnitFigures figures) {
        return figures.feedbackByKindAndState().getOrDefault("LEFT_OFF", java.util.Map.of()).entrySet().stream()
                .filter(state -> !"CLOSED".equals(state.getKey())).mapToLong(java.util.Map.Entry::getValue).sum();
    }

    private static long inNeed(UnitFigures figures) {
        return figures.poorHouseholds() + figures.nearPoorHouseholds() + figures.needsOpen();
    }

    /**
     * A commune's hamlets ("Ấp 3", "ấp 3 " are one), written the normal way; households without one, or
     * whose hamlet was typed as something else than a hamlet's name, counted last as unknown.
     */
    private List<SmallCountSuppression.Row> hamlets(String commune) {
        Set<String> area = units.selfAndDescendants(commune);
        Query households = Query.query(new Criteria().andOperator(Criteria.where(HouseholdView.UNIT_CODE).in(area),
                HouseholdView.counted()));
        households.fields().include(HouseholdView.HAMLET, HouseholdView.POVERTY_STATUS);
        Map<String, String> names = new TreeMap<>();
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String> hamletOfHousehold = new HashMap<>();
        for (Document household : mongo.find(households, Document.class, HouseholdView.COLLECTION)) {
            java.util.Optional<String> hamlet = PublicHamletName.of(household.getString(HouseholdView.HAMLET));
            String key = hamlet.map(VietnameseNames::searchKey).orElse("");
            names.putIfAbsent(key, hamlet.orElse(PublicHamletName.UNKNOWN));
            hamletOfHousehold.put(household.getString("_id"), key);
            String status = household.getString(HouseholdView.POVERTY_STATUS);
            if ("POOR".equals(status) || "NEAR_POOR".equals(status)) {
                counts.computeIfAbsent(key, k -> new long[2])[0]++;
            }
        }
        Query delivered = Query.query(new Criteria().andOperator(Criteria.where(DeliveryView.UNIT_CODE).in(area),
                DeliveryView.counted()));
        delivered.fields().include(DeliveryView.HOUSEHOLD_ID);
        for (Document delivery : mongo.find(delivered, Document.class, DeliveryView.COLLECTION)) {
            String key = hamletOfHousehold.getOrDefault(delivery.getString(DeliveryView.HOUSEHOLD_ID), "");
            names.putIfAbsent(key, PublicHamletName.UNKNOWN);
            counts.computeIfAbsent(key, k -> new long[2])[1]++;
        }
        List<SmallCountSuppression.Row> rows = new ArrayList<>();
        names.forEach((key, name) -> {
            long[] count = counts.getOrDefault(key, new long[2]);
            rows.add(new SmallCountSuppression.Row(null, name, count[0], null, count[1], null));
        });
        // Households without a hamlet go last.
        rows.sort((a, b) -> Boolean.compare(a.name.equals(PublicHamletName.UNKNOWN), b.name.equals(PublicHamletName.UNKNOWN)));
        return rows;
    }
}
