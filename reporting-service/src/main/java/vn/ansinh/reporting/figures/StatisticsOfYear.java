package vn.ansinh.reporting.figures;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.reporting.projection.UnitStatisticsView;

/**
 * The statistics entered for the units of an area for one year. A unit's count is its own entry or, when
 * it has none, the sum of its units below when every one of them has one (a district whose communes all
 * entered theirs); otherwise it is missing — never a partial sum, which would give a rate too high. Targets
 * are the unit's own: a target is a decision about that unit, not a sum.
 */
final class StatisticsOfYear {

    private final Map<String, Document> entered;
    private final AdminUnitDirectory units;
    private final Map<String, YearStatistics> resolved = new HashMap<>();

    private StatisticsOfYear(Map<String, Document> entered, AdminUnitDirectory units) {
        this.entered = entered;
        this.units = units;
    }

    /** @param unitCodes the units of the area, or null for the whole country */
    static StatisticsOfYear read(MongoTemplate mongo, AdminUnitDirectory units, Collection<String> unitCodes, int year) {
        Criteria ofYear = Criteria.where(UnitStatisticsView.YEAR).is(year);
        Query query = Query.query(unitCodes == null ? ofYear : ofYear.and(UnitStatisticsView.UNIT_CODE).in(unitCodes));
        Map<String, Document> entered = new HashMap<>();
        mongo.find(query, Document.class, UnitStatisticsView.COLLECTION)
                .forEach(entry -> entered.put(entry.getString(UnitStatisticsView.UNIT_CODE), entry));
        return new StatisticsOfYear(entered, units);
    }

    YearStatistics of(String unitCode) {
        YearStatistics known = resolved.get(unitCode);
        if (known == null) {
            Document own = entered.get(unitCode);
            Supplier<List<String>> below = () -> units.children(unitCode).stream().map(AdminUnitDirectory.Unit::code).toList();
            known = new YearStatistics(
                    count(own, UnitStatisticsView.TOTAL_HOUSEHOLDS, below, YearStatistics::totalHouseholds),
                    count(own, UnitStatisticsView.ETHNIC_MINORITY_HOUSEHOLDS, below, YearStatistics::ethnicMinorityHouseholds),
                    percent(own, UnitStatisticsView.POOR_RATE_TARGET), percent(own, UnitStatisticsView.NEAR_POOR_RATE_TARGET),
                    percent(own, UnitStatisticsView.ETHNIC_MINORITY_POOR_RATE_TARGET));
            resolved.put(unitCode, known);
        }
        return known;
    }

    private Long count(Document own, String field, Supplier<List<String>> below, Function<YearStatistics, Long> ofChild) {
        if (own != null && own.get(field) instanceof Number entry) {
            return entry.longValue();
        }
        List<String> children = below.get();
        if (children.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (String child : children) {
            Long childCount = ofChild.apply(of(child));
            if (childCount == null) {
                return null;
            }
            sum += childCount;
        }
        return sum;
    }

    private static BigDecimal percent(Document own, String field) {
        return own == null || own.getString(field) == null ? null : new BigDecimal(own.getString(field));
    }
}
