package vn.ansinh.reporting.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.reporting.projection.HouseholdView;

/**
 * Builds the yearly review from the households' dated status histories: only households whose status
 * changed during the year are read (an index on the years of their changes finds them), each compared at
 * the end of the year before and at the year's end. Duplicates merged into another household are left
 * out: the household kept carries the family's history.
 */
@Service
public class PovertyReviewService {

    private final MongoTemplate mongo;
    private final FiguresService figures;
    private final AdminUnitDirectory units;

    public PovertyReviewService(MongoTemplate mongo, FiguresService figures, AdminUnitDirectory units) {
        this.mongo = mongo;
        this.figures = figures;
        this.units = units;
    }

    public PovertyReview review(String code, int year) {
        AdminUnitDirectory.Unit unit = figures.unit(code);
        Map<String, String> rowOf = figures.rowsOf(code);
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String row : new LinkedHashSet<>(rowOf.values())) {
            counts.put(row, new long[6]);
        }
        Criteria changed = Criteria.where(HouseholdView.CHANGE_YEARS).is(year).and(HouseholdView.MERGED_INTO).exists(false);
        if (!AdminUnitDirectory.NATIONAL.equals(code)) {
            changed = changed.and(HouseholdView.UNIT_CODE).in(rowOf.keySet());
        }
        Query query = Query.query(changed);
        query.fields().include(HouseholdView.UNIT_CODE, HouseholdView.STATUS_CHANGES);
        String start = (year - 1) + "-12-31";
        String end = year + "-12-31";
        for (Document household : mongo.find(query, Document.class, HouseholdView.COLLECTION)) {
            List<Document> changes = household.getList(HouseholdView.STATUS_CHANGES, Document.class, List.of());
            int movement = movement(HouseholdsOnDay.statusOn(changes, start), HouseholdsOnDay.statusOn(changes, end));
            if (movement >= 0) {
                counts.computeIfAbsent(rowOf.getOrDefault(household.getString(HouseholdView.UNIT_CODE), code), row -> new long[6])[movement]++;
            }
        }
        long[] whole = new long[6];
        List<PovertyReview.Row> rows = new ArrayList<>();
        boolean hasUnitsBelow = !units.children(code).isEmpty();
        counts.forEach((row, movements) -> {
            for (int i = 0; i < whole.length; i++) {
                whole[i] += movements[i];
            }
            if (!row.equals(code) || !hasUnitsBelow || java.util.Arrays.stream(movements).sum() > 0) {
                rows.add(row(figures.unit(row), movements));
            }
        });
        return new PovertyReview(unit.code(), unit.name(), year, row(unit, whole), rows);
    }

    /** @return the index of the movement, or -1 when the household ended where it started (or changed only outside poverty) */
    static int movement(String from, String to) {
        boolean wasPoor = "POOR".equals(from);
        boolean wasNearPoor = "NEAR_POOR".equals(from);
        boolean isPoor = "POOR".equals(to);
        boolean isNearPoor = "NEAR_POOR".equals(to);
        if (wasPoor) {
            return isPoor ? -1 : isNearPoor ? 2 : 0;
        }
        if (wasNearPoor) {
            return isNearPoor ? -1 : isPoor ? 3 : 1;
        }
        return isPoor ? 4 : isNearPoor ? 5 : -1;
    }

    private static PovertyReview.Row row(AdminUnitDirectory.Unit unit, long[] movements) {
        return new PovertyReview.Row(unit.code(), unit.name(), movements[0], movements[1], movements[2], movements[3], movements[4],
                movements[5]);
    }
}
