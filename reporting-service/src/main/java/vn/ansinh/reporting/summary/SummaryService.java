package vn.ansinh.reporting.summary;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.reporting.projection.ReadModels;

/** Rolls the read models up from communes to the requested unit (district, province or the whole country). */
@Service
public class SummaryService {

    private final MongoTemplate mongo;
    private final AdminUnitDirectory units;
    private final OfficeScope scope;
    private final Clock clock;

    public SummaryService(MongoTemplate mongo, AdminUnitDirectory units, OfficeScope scope, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.scope = scope;
        this.clock = clock;
    }

    public UnitSummary summarise(String unitCode) {
        boolean national = AdminUnitDirectory.NATIONAL.equals(unitCode);
        String name = national ? "Việt Nam" : units.find(unitCode).map(AdminUnitDirectory.Unit::name)
                .orElseThrow(() -> ApiException.notFound("admin unit", unitCode));
        scope.requireCovers(unitCode);
        Set<String> area = units.selfAndDescendants(unitCode);

        Map<String, Long> byStatus = countBy(Aggregation.newAggregation(
                Aggregation.match(Criteria.where("unitCode").in(area).and("active").ne(false)),
                Aggregation.group("povertyStatus").count().as("n")));
        Map<String, Long> byCategory = countBy(Aggregation.newAggregation(
                Aggregation.match(Criteria.where("unitCode").in(area).and("active").ne(false)),
                Aggregation.unwind("categories"),
                Aggregation.group("categories").count().as("n")));
        long households = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long poor = byStatus.getOrDefault("POOR", 0L);
        long nearPoor = byStatus.getOrDefault("NEAR_POOR", 0L);
        double rate = households == 0 ? 0 : Math.round((poor + nearPoor) * 10_000.0 / households) / 100.0;

        Document cash = mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(Criteria.where("officeUnitCode").in(area)),
                Aggregation.group().sum("amount").as("total").count().as("n")), ReadModels.DONATIONS, Document.class)
                .getUniqueMappedResult();
        long cashReceived = cash == null ? 0 : ((Number) cash.get("total")).longValue();
        long cashDonations = cash == null ? 0 : ((Number) cash.get("n")).longValue();
        return new UnitSummary(unitCode, name, households, byCategory, byStatus, poor, nearPoor, rate, cashReceived,
                cashDonations, clock.instant());
    }

    private Map<String, Long> countBy(Aggregation aggregation) {
        Map<String, Long> counts = new TreeMap<>();
        for (Document row : mongo.aggregate(aggregation, ReadModels.HOUSEHOLDS, Document.class)) {
            if (row.get("_id") != null) {
                counts.put(row.get("_id").toString(), ((Number) row.get("n")).longValue());
            }
        }
        return counts;
    }
}
