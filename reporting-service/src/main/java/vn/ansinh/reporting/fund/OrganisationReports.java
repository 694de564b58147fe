package vn.ansinh.reporting.fund;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.reporting.projection.CampaignView;
import vn.ansinh.reporting.projection.InKindDonationView;
import vn.ansinh.reporting.projection.OrganisationView;

/**
 * The funds and campaigns of an area read per organisation: in one ward the Fatherland Front, the
 * Women's Union, the Youth Union and the veterans each raise and give, and each wants its own figures
 * as well as the ward's total.
 */
@Service
public class OrganisationReports {

    /** What a filter on organisation says for "the office's own, of no organisation". */
    public static final String OFFICE_ITSELF = "OFFICE";

    private final MongoTemplate mongo;
    private final FundReports funds;
    private final AdminUnitDirectory units;

    OrganisationReports(MongoTemplate mongo, FundReports funds, AdminUnitDirectory units) {
        this.mongo = mongo;
        this.funds = funds;
        this.units = units;
    }

    OrganisationsReport of(String area) {
        Criteria inArea = AdminUnitDirectory.NATIONAL.equals(area) ? new Criteria()
                : Criteria.where("officeUnitCode").in(units.selfAndDescendants(area));
        Map<String, OrganisationLine> lines = new LinkedHashMap<>();
        for (Document organisation : mongo.find(Query.query(inArea), Document.class, OrganisationView.COLLECTION)) {
            String office = organisation.getString(OrganisationView.OFFICE_UNIT_CODE);
            String code = organisation.getString(OrganisationView.CODE);
            lines.put(key(office, code), OrganisationLine.empty(office, code, organisation.getString(OrganisationView.NAME)));
        }
        for (FundReport fund : funds.inArea(area)) {
            lines.computeIfAbsent(key(fund.officeUnitCode(), fund.organisationCode()),
                    k -> OrganisationLine.empty(fund.officeUnitCode(), fund.organisationCode(), null));
            lines.computeIfPresent(key(fund.officeUnitCode(), fund.organisationCode()), (k, line) -> line.withFund(fund));
        }
        Query campaigns = Query.query(inArea);
        campaigns.fields().include(CampaignView.OFFICE_UNIT_CODE, CampaignView.ORGANISATION_CODE, CampaignView.APPROVED_HOUSEHOLDS);
        for (Document campaign : mongo.find(campaigns, Document.class, CampaignView.COLLECTION)) {
            String office = campaign.getString(CampaignView.OFFICE_UNIT_CODE);
            String code = campaign.getString(CampaignView.ORGANISATION_CODE);
            long households = campaign.get(CampaignView.APPROVED_HOUSEHOLDS) instanceof Number n ? n.longValue() : 0;
            lines.computeIfAbsent(key(office, code), k -> OrganisationLine.empty(office, code, null));
            lines.computeIfPresent(key(office, code), (k, line) -> line.withCampaign(households));
        }
        // Goods by the store that took them, added up by the database: a crisis brings tens of thousands.
        for (Document goods : mongo.aggregate(Aggregation.newAggregation(Aggregation.match(inArea),
                Aggregation.group(InKindDonationView.OFFICE_UNIT_CODE, InKindDonationView.ORGANISATION_CODE)
                        .count().as("donations").sum(InKindDonationView.VALUE).as("value")),
                InKindDonationView.COLLECTION, Document.class)) {
            Document key = goods.get("_id") instanceof Document grouped ? grouped : new Document();
            String office = key.getString(InKindDonationView.OFFICE_UNIT_CODE);
            String code = key.getString(InKindDonationView.ORGANISATION_CODE);
            long donations = goods.get("donations") instanceof Number n ? n.longValue() : 0;
            long value = goods.get("value") instanceof Number n ? n.longValue() : 0;
            lines.computeIfAbsent(key(office, code), k -> OrganisationLine.empty(office, code, null));
            lines.computeIfPresent(key(office, code), (k, line) -> line.withGoods(donations, value));
        }
        List<OrganisationLine> ordered = new ArrayList<>(lines.values());
        // Each office's own line first, then its organisations by code.
        ordered.sort(Comparator.comparing(OrganisationLine::officeUnitCode)
                .thenComparing(OrganisationLine::organisationCode, Comparator.nullsFirst(Comparator.naturalOrder())));
        OrganisationLine total = ordered.stream().reduce(OrganisationLine.empty(area, null, null), OrganisationLine::plus);
        return new OrganisationsReport(area, ordered, total);
    }

    private static String key(String office, String organisation) {
        return office + ":" + (organisation == null ? "" : organisation);
    }
}
