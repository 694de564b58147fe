package vn.ansinh.reporting.campaign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.reporting.figures.GoodsLine;
import vn.ansinh.reporting.figures.Percent;
import vn.ansinh.reporting.projection.CampaignView;
import vn.ansinh.reporting.projection.DeliveryView;
import vn.ansinh.reporting.projection.GoodsLines;
import vn.ansinh.reporting.projection.CampaignStates;
import vn.ansinh.reporting.projection.VerificationView;

/** Progress of campaigns: approved households against households reached, commune by commune. */
@Service
public class CampaignReportService {

    /** A goods line of a delivery, once unwound. */
    private static final String LINE = DeliveryView.GOODS + ".";

    private final MongoTemplate mongo;
    private final CampaignStates states;
    private final AdminUnitDirectory units;
    private final OfficeScope scope;

    public CampaignReportService(MongoTemplate mongo, CampaignStates states, AdminUnitDirectory units, OfficeScope scope) {
        this.mongo = mongo;
        this.states = states;
        this.units = units;
        this.scope = scope;
    }

    /**
     * One campaign: whole for readers of its office's area, otherwise the communes the caller covers.
     *
     * @throws Refusal when the campaign is unknown or has nothing the caller may see
     */
    public CampaignReport report(String campaignId) {
        Document campaign = states.approvedCampaign(campaignId);
        if (campaign == null) {
            throw Refusal.notFound("campaign", campaignId);
        }
        CallerOffice caller = CallerOffice.current();
        Predicate<String> visible = scope.canRead(caller, campaign.getString(CampaignView.OFFICE_UNIT_CODE)) ? commune -> true
                : commune -> scope.covers(caller, commune);
        CampaignReport report = reports(List.of(campaign), visible).get(0);
        if (report.communes().isEmpty()) {
            throw Refusal.notFound("campaign", campaignId);
        }
        return report;
    }

    /** Campaigns with households in the area, newest first, counting only the area's communes. */
    public List<CampaignReport> inArea(String unitCode) {
        boolean national = AdminUnitDirectory.NATIONAL.equals(unitCode);
        Set<String> area = units.selfAndDescendants(unitCode);
        List<Document> campaigns = new ArrayList<>(states.touching(area, national));
        campaigns.sort(Comparator.comparing((Document c) -> c.getDate(CampaignView.APPROVED_AT),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return reports(campaigns, commune -> national || area.contains(commune));
    }

    private List<CampaignReport> reports(List<Document> campaigns, Predicate<String> visible) {
        List<String> ids = campaigns.stream().map(c -> c.getString("_id")).toList();
        Map<String, Map<String, long[]>> delivered = deliveredByCommune(ids);
        Map<String, Map<String, long[]>> goods = goodsDelivered(ids);
        Map<String, List<Document>> verifications = verificationsByCommune(ids);
        List<CampaignReport> reports = new ArrayList<>();
        for (Document campaign : campaigns) {
            String id = campaign.getString("_id");
            Map<String, long[]> reached = delivered.getOrDefault(id, Map.of());
            Map<String, Long> approvedByCommune = new HashMap<>();
            for (Document line : campaign.getList(CampaignView.APPROVED, Document.class)) {
                approvedByCommune.put(line.getString(CampaignView.LINE_UNIT_CODE), ((Number) line.get(CampaignView.LINE_HOUSEHOLDS)).longValue());
            }
            reached.keySet().forEach(commune -> approvedByCommune.putIfAbsent(commune, 0L));
            List<CampaignReport.CommuneProgress> communes = new ArrayList<>();
            long approved = 0;
            long deliveredHouseholds = 0;
            long cash = 0;
            long persons = 0;
            for (Map.Entry<String, Long> line : approvedByCommune.entrySet()) {
                if (!visible.test(line.getKey())) {
                    continue;
                }
                long[] served = reached.getOrDefault(line.getKey(), new long[3]);
                approved += line.getValue();
                deliveredHouseholds += served[0];
                cash += served[1];
                persons += served[2];
                communes.add(new CampaignReport.CommuneProgress(line.getKey(), units.find(line.getKey())
                        .map(AdminUnitDirectory.Unit::name).orElse(line.getKey()), line.getValue(), served[0],
                        Percent.of(served[0], line.getValue())));
            }
            communes.sort(Comparator.comparing(CampaignReport.CommuneProgress::unitName));
            List<GoodsLine> goodsLines = new ArrayList<>();
            goods.getOrDefault(id, Map.of()).forEach((item, quantity) -> goodsLines.add(new GoodsLine(item.split("\\|", 2)[0],
                    item.split("\\|", 2)[1], BigDecimal.valueOf(quantity[0], 3).stripTrailingZeros(), 0)));
            reports.add(new CampaignReport(id, campaign.getString(CampaignView.NAME),
                    campaign.getString(CampaignView.OFFICE_UNIT_CODE), campaign.getString(CampaignView.STATE),
                    campaign.getString(CampaignView.STARTS_ON), campaign.getString(CampaignView.ENDS_ON), approved,
                    deliveredHouseholds, Percent.of(deliveredHouseholds, approved), cash, goodsLines, communes,
                    campaign.getString(CampaignView.PROGRAMME_ID) == null ? id : campaign.getString(CampaignView.PROGRAMME_ID),
                    campaign.get(CampaignView.ROUND) == null ? 1 : ((Number) campaign.get(CampaignView.ROUND)).intValue(),
                    longOf(campaign, CampaignView.APPROVED_PERSONS), persons,
                    campaign.get(CampaignView.CASH_APPROVED) == null ? null : longOf(campaign, CampaignView.CASH_APPROVED),
                    verificationIn(verifications.getOrDefault(id, List.of()), visible)));
        }
        return reports;
    }

    /**
     * A programme's approved rounds the caller may see (each as {@link #report} shows it to them), first
     * to last, with the totals: payments over the rounds and the different households they reached.
     *
     * @throws Refusal when the programme is unknown or has nothing the caller may see
     */
    public ProgrammeReport programme(String programmeId) {
        CallerOffice caller = CallerOffice.current();
        List<CampaignReport> rounds = new ArrayList<>();
        List<Document> campaigns = new ArrayList<>(states.programme(programmeId));
        campaigns.sort(Comparator.comparing(c -> c.get(CampaignView.ROUND) == null ? 1 : ((Number) c.get(CampaignView.ROUND)).intValue()));
        Set<String> visibleCommunes = new java.util.HashSet<>();
        for (Document campaign : campaigns) {
            Predicate<String> visible = scope.canRead(caller, campaign.getString(CampaignView.OFFICE_UNIT_CODE)) ? commune -> true
                    : commune -> scope.covers(caller, commune);
            CampaignReport report = reports(List.of(campaign), visible).get(0);
            if (!report.communes().isEmpty()) {
                rounds.add(report);
                report.communes().forEach(commune -> visibleCommunes.add(commune.unitCode()));
            }
        }
        if (rounds.isEmpty()) {
            throw Refusal.notFound("programme", programmeId);
        }
        Map<String, long[]> goods = new java.util.TreeMap<>();
        rounds.forEach(round -> round.goodsDelivered().forEach(line -> goods.computeIfAbsent(line.item() + "|" + line.unit(),
                k -> new long[1])[0] += line.quantity().movePointRight(3).longValueExact()));
        List<GoodsLine> goodsLines = new ArrayList<>();
        goods.forEach((item, quantity) -> goodsLines.add(new GoodsLine(item.split("\\|", 2)[0], item.split("\\|", 2)[1],
                BigDecimal.valueOf(quantity[0], 3).stripTrailingZeros(), 0)));
        ProgrammeReport.Total total = new ProgrammeReport.Total(rounds.size(),
                rounds.stream().mapToLong(CampaignReport::approvedHouseholds).sum(),
                rounds.stream().mapToLong(CampaignReport::deliveredHouseholds).sum(),
                householdsReached(rounds.stream().map(CampaignReport::campaignId).toList(), visibleCommunes),
                rounds.stream().mapToLong(CampaignReport::deliveredPersons).sum(),
                rounds.stream().mapToLong(CampaignReport::cashDelivered).sum(), goodsLines);
        return new ProgrammeReport(programmeId, rounds.get(0).name(), rounds, total);
    }

    /** Different households the rounds' deliveries reached in these communes. */
    private long householdsReached(List<String> campaignIds, Set<String> communes) {
        return mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(new Criteria().andOperator(delivered(campaignIds), Criteria.where(DeliveryView.UNIT_CODE).in(communes))),
                Aggregation.group(DeliveryView.HOUSEHOLD_ID), Aggregation.count().as("n")), DeliveryView.COLLECTION, Document.class)
                .getMappedResults().stream().findFirst().map(result -> ((Number) result.get("n")).longValue()).orElse(0L);
    }

    /** Per campaign: sampled deliveries counted by commune, outcome and case state. */
    private Map<String, List<Document>> verificationsByCommune(List<String> campaignIds) {
        Map<String, List<Document>> byCampaign = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return byCampaign;
        }
        for (Document group : mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(Criteria.where(VerificationView.CAMPAIGN_ID).in(campaignIds)),
                Aggregation.group(VerificationView.CAMPAIGN_ID, VerificationView.UNIT_CODE, VerificationView.OUTCOME,
                        VerificationView.CASE_STATE).count().as("n")), VerificationView.COLLECTION, Document.class)) {
            Document key = group.get("_id", Document.class);
            byCampaign.computeIfAbsent(key.getString(VerificationView.CAMPAIGN_ID), c -> new ArrayList<>())
                    .add(key.append("n", group.get("n")));
        }
        return byCampaign;
    }

    private static VerificationFigures verificationIn(List<Document> groups, Predicate<String> visible) {
        VerificationFigures figures = VerificationFigures.NONE;
        for (Document group : groups) {
            if (visible.test(group.getString(VerificationView.UNIT_CODE))) {
                figures = figures.plus(group.getString(VerificationView.OUTCOME), group.getString(VerificationView.CASE_STATE),
                        ((Number) group.get("n")).longValue());
            }
        }
        return figures;
    }

    private static long longOf(Document document, String field) {
        Object value = document.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Per campaign and commune: households reached, cash handed over and people served. */
    private Map<String, Map<String, long[]>> deliveredByCommune(List<String> campaignIds) {
        Map<String, Map<String, long[]>> byCampaign = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return byCampaign;
        }
        for (Document group : mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(delivered(campaignIds)),
                Aggregation.group(DeliveryView.CAMPAIGN_ID, DeliveryView.UNIT_CODE).count().as("n")
                        .sum(DeliveryView.MONEY).as("money").sum(DeliveryView.PERSONS).as("persons")),
                DeliveryView.COLLECTION, Document.class)) {
            Document key = group.get("_id", Document.class);
            byCampaign.computeIfAbsent(key.getString(DeliveryView.CAMPAIGN_ID), c -> new HashMap<>())
                    .put(key.getString(DeliveryView.UNIT_CODE), new long[] {((Number) group.get("n")).longValue(),
                            ((Number) group.get("money")).longValue(), group.get("persons") == null ? 0 : ((Number) group.get("persons")).longValue()});
        }
        return byCampaign;
    }

    /** Per campaign, goods handed over by "item|unit", in thousandths. */
    private Map<String, Map<String, long[]>> goodsDelivered(List<String> campaignIds) {
        Map<String, Map<String, long[]>> byCampaign = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return byCampaign;
        }
        for (Document group : mongo.aggregate(Aggregation.newAggregation(
                Aggregation.match(delivered(campaignIds)), Aggregation.unwind(DeliveryView.GOODS),
                Aggregation.group(DeliveryView.CAMPAIGN_ID, LINE + GoodsLines.KEY).first(LINE + GoodsLines.ITEM).as("item")
                        .first(LINE + GoodsLines.UNIT).as("unit").sum(LINE + GoodsLines.QUANTITY_THOUSANDTHS).as("thousandths")),
                DeliveryView.COLLECTION, Document.class)) {
            Document key = group.get("_id", Document.class);
            byCampaign.computeIfAbsent(key.getString(DeliveryView.CAMPAIGN_ID), c -> new HashMap<>())
                    .computeIfAbsent(group.getString("item") + "|" + group.getString("unit"), k -> new long[1])[0]
                    += ((Number) group.get("thousandths")).longValue();
        }
        return byCampaign;
    }

    private static Criteria delivered(List<String> campaignIds) {
        return new Criteria().andOperator(Criteria.where(DeliveryView.CAMPAIGN_ID).in(campaignIds), DeliveryView.counted());
    }
}
