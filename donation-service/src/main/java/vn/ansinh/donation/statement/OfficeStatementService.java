package vn.ansinh.donation.statement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.donation.fund.Fund;
import vn.ansinh.donation.ledger.EntryKind;
import vn.ansinh.donation.ledger.LedgerEntry;
import vn.ansinh.donation.organisation.Organisations;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.OfficeScope;

/**
 * The public statement of an office, by organisation, from the ledger itself: two grouped queries (before
 * the period, and in it, by fund and kind) whatever the number of funds or gifts.
 */
@Service
class OfficeStatementService {

    /** A part's name when it is the office's own funds. */
    static final String OFFICE_OWN = "Quỹ của đơn vị";

    private final MongoTemplate mongo;
    private final Organisations organisations;
    private final OfficeScope scope;

    OfficeStatementService(MongoTemplate mongo, Organisations organisations, OfficeScope scope) {
        this.mongo = mongo;
        this.organisations = organisations;
        this.scope = scope;
    }

    /**
     * @param organisationCode one organisation's part only ({@code OFFICE}: the office's own); all parts when {@code null}
     * @throws Refusal {@code organisation.unknown} when the office has no such organisation
     */
    OfficeStatement statementOf(String unitCode, String organisationCode, LocalDate from, LocalDate to) {
        String office = scope.resolve(unitCode);
        Map<String, String> names = organisations.namesOf(office);
        boolean officeOnly = "OFFICE".equals(organisationCode);
        if (organisationCode != null && !officeOnly && !names.containsKey(organisationCode)) {
            throw Refusal.notFound("organisation", office + ":" + organisationCode);
        }
        Criteria ofOffice = Criteria.where("officeUnitCode").is(office);
        if (organisationCode != null) {
            ofOffice = ofOffice.and("organisationCode").is(officeOnly ? null : organisationCode);
        }
        List<Fund> funds = mongo.find(Query.query(ofOffice).with(Sort.by("name", "_id")), Fund.class);
        List<String> fundIds = funds.stream().map(Fund::getId).toList();
        Criteria moves = Criteria.where("accountId").in(fundIds).and("kind").in(EntryKind.RECEIVED, EntryKind.SPENT, EntryKind.RETURNED);
        Map<String, long[]> before = from == null ? Map.of() : sums(new Criteria().andOperator(moves, Criteria.where("day").lt(from.toString())));
        List<Criteria> period = new ArrayList<>(List.of(moves));
        if (from != null) {
            period.add(Criteria.where("day").gte(from.toString()));
        }
        if (to != null) {
            period.add(Criteria.where("day").lte(to.toString()));
        }
        Map<String, long[]> during = sums(new Criteria().andOperator(period.toArray(Criteria[]::new)));

        Map<String, List<OfficeStatement.FundInStatement>> byOrganisation = new LinkedHashMap<>();
        if (organisationCode == null || officeOnly) {
            byOrganisation.put(null, new ArrayList<>());
        }
        names.keySet().stream().filter(code -> organisationCode == null || code.equals(organisationCode))
                .forEach(code -> byOrganisation.put(code, new ArrayList<>()));
        for (Fund fund : funds) {
            long[] earlier = before.getOrDefault(fund.getId(), new long[2]);
            long[] now = during.getOrDefault(fund.getId(), new long[2]);
            long opening = earlier[0] - earlier[1];
            OfficeStatement.StatementFigures figures = new OfficeStatement.StatementFigures(opening, now[0], now[1], opening + now[0] - now[1]);
            byOrganisation.computeIfAbsent(fund.getOrganisationCode(), code -> new ArrayList<>()).add(new OfficeStatement.FundInStatement(
                    fund.getId(), fund.getName(), figures, "/api/v1/public/funds/" + fund.getId() + "/statement"));
        }
        List<OfficeStatement.OrganisationPart> parts = new ArrayList<>();
        OfficeStatement.StatementFigures total = OfficeStatement.StatementFigures.NONE;
        for (Map.Entry<String, List<OfficeStatement.FundInStatement>> part : byOrganisation.entrySet()) {
            OfficeStatement.StatementFigures figures = part.getValue().stream().map(OfficeStatement.FundInStatement::figures)
                    .reduce(OfficeStatement.StatementFigures.NONE, OfficeStatement.StatementFigures::plus);
            total = total.plus(figures);
            parts.add(new OfficeStatement.OrganisationPart(part.getKey(), part.getKey() == null ? OFFICE_OWN : names.getOrDefault(part.getKey(), part.getKey()),
                    part.getValue(), figures));
        }
        return new OfficeStatement(office, from, to, parts, total);
    }

    /** Money in (received and returned) and out (spent) by fund. */
    private Map<String, long[]> sums(Criteria criteria) {
        Map<String, long[]> byFund = new HashMap<>();
        for (Document group : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group("accountId", "kind").sum("amount").as("total")), LedgerEntry.class, Document.class)) {
            Document key = group.get("_id", Document.class);
            long[] inOut = byFund.computeIfAbsent(key.getString("accountId"), id -> new long[2]);
            inOut[EntryKind.SPENT.name().equals(key.getString("kind")) ? 1 : 0] += ((Number) group.get("total")).longValue();
        }
        return byFund;
    }
}
