package vn.ansinh.reporting.publicmap;

import java.time.Clock;
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
import vn.ansinh.reporting.projection.ReadModels;

/** Builds the public map from the same figures the offices see, reduced to three counts and suppressed. */
@Service
public class PublicMapService {

    private final FiguresService figures;
    private final AdminUnitDirectory units;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final int minCount;

    public PublicMapService(FiguresService figures, AdminUnitDirectory units, MongoTemplate mongo, Clock clock,
                            @Value("${ansinh.reporting.public-map.min-count:5}") int minCount) {
        this.figures = figures;
        this.units = units;
        this.mongo = mongo;
        this.clock = clock;
        this.minCount = minCount;
    }

    public PublicMap map(String unitCode) {
        AreaFigures area = figures.of(unitCode);
        UnitFigures total = area.total();
        boolean commune = units.children(unitCode).isEmpty() && !AdminUnitDirectory.NATIONAL.equals(unitCode);
        List<SmallCountSuppression.Row> rows = commune ? hamlets(unitCode) : new ArrayList<>(area.rows().stream()
                .map(row -> new SmallCountSuppression.Row(row.unitCode(), row.unitName(), inNeed(row),
                        row.approvedHouseholds(), row.deliveredHouseholds()))
                .toList());
        PublicArea whole = SmallCountSuppression.suppressTotal(new SmallCountSuppression.Row(total.unitCode(),
                total.unitName(), inNeed(total), total.approvedHouseholds(), total.deliveredHouseholds()), minCount);
        return new PublicMap(total.unitCode(), total.unitName(), total.level(), minCount, whole,
                SmallCountSuppression.suppress(rows, minCount), clock.instant());
    }

    private static long inNeed(UnitFigures figures) {
        return figures.poorHouseholds() + figures.nearPoorHouseholds() + figures.needsOpen();
    }

    /** A commune's hamlets as officers typed them ("Ấp 3", "ấp 3 " are one), households without one last. */
    private List<SmallCountSuppression.Row> hamlets(String commune) {
        Set<String> area = units.selfAndDescendants(commune);
        Query households = Query.query(Criteria.where("unitCode").in(area).and("active").ne(false));
        households.fields().include("hamlet", "povertyStatus");
        Map<String, String> names = new TreeMap<>();
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String> hamletOfHousehold = new HashMap<>();
        for (Document household : mongo.find(households, Document.class, ReadModels.HOUSEHOLDS)) {
            String hamlet = household.getString("hamlet");
            String key = hamlet == null || hamlet.isBlank() ? "" : VietnameseNames.searchKey(hamlet);
            names.putIfAbsent(key, key.isEmpty() ? "Chưa rõ ấp/thôn" : hamlet.strip());
            hamletOfHousehold.put(household.getString("_id"), key);
            String status = household.getString("povertyStatus");
            if ("POOR".equals(status) || "NEAR_POOR".equals(status)) {
                counts.computeIfAbsent(key, k -> new long[2])[0]++;
            }
        }
        Query delivered = Query.query(Criteria.where("unitCode").in(area).and("reverted").ne(true).and("householdId").exists(true));
        delivered.fields().include("householdId");
        for (Document delivery : mongo.find(delivered, Document.class, ReadModels.DELIVERIES)) {
            String key = hamletOfHousehold.getOrDefault(delivery.getString("householdId"), "");
            names.putIfAbsent(key, "Chưa rõ ấp/thôn");
            counts.computeIfAbsent(key, k -> new long[2])[1]++;
        }
        List<SmallCountSuppression.Row> rows = new ArrayList<>();
        names.forEach((key, name) -> {
            long[] count = counts.getOrDefault(key, new long[2]);
            rows.add(new SmallCountSuppression.Row(null, name, count[0], null, count[1]));
        });
        // Households without a hamlet go last.
        rows.sort((a, b) -> Boolean.compare(a.name.equals("Chưa rõ ấp/thôn"), b.name.equals("Chưa rõ ấp/thôn")));
        return rows;
    }
}
