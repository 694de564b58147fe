package vn.ansinh.reporting.fund;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.reporting.figures.ReadableArea;
import vn.ansinh.reporting.projection.ReadModels;

/** Funds as their ledgers report them: received, set aside for campaigns, spent, left. */
@RestController
@RequestMapping("/api/v1/reports/funds")
public class FundReportController {

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;
    private final ReadableArea readableArea;

    public FundReportController(MongoTemplate mongo, OfficeScope scope, AdminUnitDirectory units, ReadableArea readableArea) {
        this.mongo = mongo;
        this.scope = scope;
        this.units = units;
        this.readableArea = readableArea;
    }

    @Operation(summary = "One fund's received, reserved, spent and available money")
    @GetMapping("/{id}")
    public FundReport fund(@PathVariable("id") @Pattern(regexp = "[\\w.:-]{1,100}") String id) {
        Document fund = mongo.findById(id, Document.class, ReadModels.FUNDS);
        if (fund == null || !scope.canRead(CallerOffice.current(), fund.getString("officeUnitCode"))) {
            throw ApiException.notFound("fund", id);
        }
        return report(fund, donationCounts(List.of(id)));
    }

    @Operation(summary = "Funds of the offices in a unit (default: the caller's office)")
    @GetMapping
    public List<FundReport> funds(@RequestParam(name = "unit", required = false)
                                  @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit) {
        String area = readableArea.of(unit);
        Query query = AdminUnitDirectory.NATIONAL.equals(area) ? new Query()
                : Query.query(Criteria.where("officeUnitCode").in(units.selfAndDescendants(area)));
        List<Document> funds = mongo.find(query.with(Sort.by("name")), Document.class, ReadModels.FUNDS);
        Map<String, Long> counts = donationCounts(funds.stream().map(f -> f.getString("_id")).toList());
        return funds.stream().map(fund -> report(fund, counts)).toList();
    }

    private Map<String, Long> donationCounts(List<String> fundIds) {
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(Criteria.where("fundId").in(fundIds)),
                        Aggregation.group("fundId").count().as("n")), ReadModels.CASH_DONATIONS, Document.class)
                .forEach(group -> counts.put(group.getString("_id"), ((Number) group.get("n")).longValue()));
        return counts;
    }

    private static FundReport report(Document fund, Map<String, Long> donationCounts) {
        long received = number(fund, "received");
        long reserved = number(fund, "reserved");
        long spent = number(fund, "spent");
        return new FundReport(fund.getString("_id"), fund.getString("name"), fund.getString("officeUnitCode"),
                fund.getString("purpose"), received, reserved, spent, received - spent, received - reserved - spent,
                donationCounts.getOrDefault(fund.getString("_id"), 0L),
                fund.getDate("lastEntryAt") == null ? null : fund.getDate("lastEntryAt").toInstant());
    }

    private static long number(Document fund, String field) {
        return fund.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
