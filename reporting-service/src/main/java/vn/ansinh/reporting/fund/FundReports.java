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

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.reporting.projection.CashDonationView;
import vn.ansinh.reporting.projection.FundView;

/**
 * The fund reports, read from the fund read models: received, set aside for campaigns, spent, left,
 * with the number of donations. A named query class, so the controller stays HTTP only.
 */
@org.springframework.stereotype.Service
class FundReports {

    private final MongoTemplate mongo;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;

    FundReports(MongoTemplate mongo, OfficeScope scope, AdminUnitDirectory units) {
        this.mongo = mongo;
        this.scope = scope;
        this.units = units;
    }

    /** One fund the caller may read (anything else is absent). */
    public FundReport fund(String id) {
        Document fund = mongo.findById(id, Document.class, FundView.COLLECTION);
        if (fund == null || !scope.canRead(CallerOffice.current(), fund.getString(FundView.OFFICE_UNIT_CODE))) {
            throw Refusal.notFound("fund", id);
        }
        return report(fund, donationCounts(List.of(id)));
    }

    /** The funds of the offices of an area the caller may read, by name. */
    public List<FundReport> inArea(String area) {
        return inArea(area, null);
    }

    /**
     * The funds of the offices of an area the caller may read, by name; with {@code organisationCode} one
     * organisation's ({@link OrganisationReports#OFFICE_ITSELF}: the offices' own funds).
     */
    public List<FundReport> inArea(String area, String organisationCode) {
        Query query = AdminUnitDirectory.NATIONAL.equals(area) ? new Query()
                : Query.query(Criteria.where(FundView.OFFICE_UNIT_CODE).in(units.selfAndDescendants(area)));
        if (organisationCode != null) {
            query.addCriteria(Criteria.where(FundView.ORGANISATION_CODE)
                    .is(OrganisationReports.OFFICE_ITSELF.equals(organisationCode) ? null : organisationCode));
        }
        List<Document> funds = mongo.find(query.with(Sort.by(FundView.NAME)), Document.class, FundView.COLLECTION);
        Map<String, Long> counts = donationCounts(funds.stream().map(f -> f.getString("_id")).toList());
        return funds.stream().map(fund -> report(fund, counts)).toList();
    }

    Map<String, Long> donationCounts(List<String> fundIds) {
        Map<String, Long> counts = new HashMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(Criteria.where(CashDonationView.FUND_ID).in(fundIds)),
                        Aggregation.group(CashDonationView.FUND_ID).count().as("n")), CashDonationView.COLLECTION, Document.class)
                .forEach(group -> counts.put(group.getString("_id"), ((Number) group.get("n")).longValue()));
        return counts;
    }

    static FundReport report(Document fund, Map<String, Long> donationCounts) {
        long received = number(fund, FundView.RECEIVED);
        long reserved = number(fund, FundView.RESERVED);
        long spent = number(fund, FundView.SPENT);
        return new FundReport(fund.getString("_id"), fund.getString(FundView.NAME), fund.getString(FundView.OFFICE_UNIT_CODE),
                fund.getString(FundView.PURPOSE), received, reserved, spent, received - spent, received - reserved - spent,
                donationCounts.getOrDefault(fund.getString("_id"), 0L),
                fund.getDate(FundView.LAST_ENTRY_AT) == null ? null : fund.getDate(FundView.LAST_ENTRY_AT).toInstant(),
                fund.getString(FundView.ORGANISATION_CODE));
    }

    private static long number(Document fund, String field) {
        return fund.get(field) instanceof Number n ? n.longValue() : 0;
    }
}
