package vn.ansinh.reporting.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.reporting.projection.CampaignStates;
import vn.ansinh.reporting.projection.CashTotals;
import vn.ansinh.reporting.projection.DeliveryView;
import vn.ansinh.reporting.projection.FeedbackView;
import vn.ansinh.reporting.projection.GoodsLines;
import vn.ansinh.reporting.projection.HouseholdView;
import vn.ansinh.reporting.projection.InKindDonationView;
import vn.ansinh.reporting.projection.NeedView;

/**
 * Adds the read models up for a unit and for each unit directly below it. Each collection is
 * grouped by unit in one query over the whole area; the groups are then attributed to the child
 * unit they lie in, so a district with 20 communes costs the same few queries as one commune. The
 * figures come in parts ({@link FigurePart}), each from its own read models, so that a caller who
 * keeps them computes again only what changed.
 */
@Service
public class FiguresService {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MongoTemplate mongo;
    private final AdminUnitDirectory units;
    private final CampaignStates campaigns;
    private final Clock clock;

    public FiguresService(MongoTemplate mongo, AdminUnitDirectory units, CampaignStates campaigns, Clock clock) {
        this.mongo = mongo;
        this.units = units;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** This year in Vietnam: the year reports are of unless one is asked for. */
    public int currentYear() {
        return today().getYear();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** @throws Refusal for an unknown unit (scope is the caller's business) */
    public AdminUnitDirectory.Unit unit(String code) {
        if (AdminUnitDirectory.NATIONAL.equals(code)) {
            return new AdminUnitDirectory.Unit(code, "Việt Nam", "COUNTRY", null, null);
        }
        return units.find(code).orElseThrow(() -> Refusal.notFound("admin unit", code));
    }

    public Optional<AdminUnitDirectory.Unit> knownUnit(String code) {
        return AdminUnitDirectory.NATIONAL.equals(code) ? Optional.of(unit(code)) : units.find(code);
    }

    public UnitFigures summary(String code) {
        return of(code).total();
    }

    public UnitFigures summary(String code, int year) {
        return of(code, year).total();
    }

    public AreaFigures of(String code) {
        return of(code, FigureParts.COMPUTED);
    }

    /**
     * The figures with the households' poverty statuses as they stood at the end of {@code year} (today for
     * this year), divided by that year's statistics; the other figures are as they are now.
     */
    public AreaFigures of(String code, int year) {
        return of(code, FigureParts.COMPUTED, year);
    }

    /**
     * The unit's figures and its children's, each part taken from {@code parts}: the dashboard keeps
     * parts whose read models have not changed since they were computed.
     */
    public AreaFigures of(String code, FigureParts parts) {
        return of(code, parts, currentYear());
    }

    private AreaFigures of(String code, FigureParts parts, int year) {
        AdminUnitDirectory.Unit unit = unit(code);
        LocalDate day = endOf(year);
        Area area = new Area(code, rowsOf(code));
        // Parts are attributed by the unit tree as it is now: a reform that moves communes computes them again.
        Map<String, String> basis = area.rowOf();
        List<Map<String, Tally>> computed = new ArrayList<>();
        computed.add(day.isBefore(today()) ? households(area, day)
                : parts.part(code, basis, FigurePart.HOUSEHOLDS, () -> households(area, null)));
        computed.add(parts.part(code, basis, FigurePart.NEEDS, () -> needs(area)));
        computed.add(parts.part(code, basis, FigurePart.FEEDBACK, () -> feedback(area)));
        computed.add(parts.part(code, basis, FigurePart.CASH_RECEIVED, () -> cashReceived(area)));
        computed.add(parts.part(code, basis, FigurePart.GOODS_RECEIVED, () -> goodsReceived(area)));
        computed.add(parts.part(code, basis, FigurePart.DELIVERED, () -> delivered(area)));
        computed.add(parts.part(code, basis, FigurePart.APPROVED, () -> approved(area)));

        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (String row : new LinkedHashSet<>(area.rowOf.values())) {
            tallies.put(row, new Tally());
        }
        tallies.putIfAbsent(code, new Tally());
        for (Map<String, Tally> part : computed) {
            part.forEach((row, tally) -> tallies.get(row).add(tally));
        }
        Tally whole = new Tally();
        tallies.values().forEach(whole::add);
        StatisticsOfYear statistics = parts.part(code, List.of(basis, year), FigurePart.STATISTICS,
                () -> StatisticsOfYear.read(mongo, units, area.national() ? null : area.rowOf().keySet(), year));
        boolean hasUnitsBelow = !units.children(code).isEmpty();
        List<UnitFigures> rows = new ArrayList<>();
        tallies.forEach((row, tally) -> {
            if (!row.equals(code) || !isEmpty(tally)) {
                AdminUnitDirectory.Unit rowUnit = row.equals(code) ? unit : unit(row);
                // Households registered at the unit itself are a part of it: the unit's statistics are not theirs.
                YearStatistics ofRow = row.equals(code) && hasUnitsBelow ? YearStatistics.MISSING : statistics.of(row);
                rows.add(tally.figures(rowUnit.code(), rowUnit.name(), rowUnit.level(), whole, year, ofRow));
            }
        });
        return new AreaFigures(whole.figures(unit.code(), unit.name(), unit.level(), whole, year, statistics.of(code)), rows);
    }

    /** A unit's area: every unit in it mapped to the report row it is counted in. One part's tallies by row. */
    private record Area(String code, Map<String, String> rowOf, Map<String, Tally> tallies) {
        Area(String code, Map<String, String> rowOf) {
            this(code, rowOf, null);
        }

        boolean national() {
            return AdminUnitDirectory.NATIONAL.equals(code);
        }

        Criteria within(String field) {
            return national() ? null : Criteria.where(field).in(rowOf.keySet());
        }

        /** A fresh set of tallies for one part. */
        Area part() {
            return new Area(code, rowOf, new LinkedHashMap<>());
        }

        Tally of(String leaf) {
            return tallies.computeIfAbsent(rowOf.getOrDefault(leaf, code), row -> new Tally());
        }
    }

    /** The year's last day, or today for this year: the day a year's poverty figures are of. */
    LocalDate endOf(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = today();
        return end.isAfter(today) ? today : end;
    }

    /** The households' part as they stand now ({@code day} null: the dashboard's case) or as they stood on a past day. */
    private Map<String, Tally> households(Area area, LocalDate day) {
        Area part = area.part();
        HouseholdsOnDay.count(mongo, area.within(HouseholdView.UNIT_CODE), day, part::of);
        return part.tallies();
    }

    private Map<String, Tally> needs(Area area) {
        Area part = area.part();
        for (Document group : group(NeedView.COLLECTION, area.within(NeedView.UNIT_CODE), null, NeedView.UNIT_CODE, NeedView.STATE)) {
            part.of(key(group, NeedView.UNIT_CODE)).needsByState.merge(key(group, NeedView.STATE), count(group), Long::sum);
        }
        return part.tallies();
    }

    private Map<String, Tally> feedback(Area area) {
        Area part = area.part();
        Criteria within = area.within(FeedbackView.UNIT_CODE);
        for (Document group : group(FeedbackView.COLLECTION, within, null, FeedbackView.UNIT_CODE, FeedbackView.KIND, FeedbackView.STATE)) {
            part.of(key(group, FeedbackView.UNIT_CODE)).addFeedback(key(group, FeedbackView.KIND), key(group, FeedbackView.STATE),
                    count(group));
        }
        Criteria overdue = and(within, Criteria.where(FeedbackView.STATE).in("RECEIVED", "ASSIGNED")
                .and(FeedbackView.DEADLINE).lt(java.util.Date.from(clock.instant())));
        for (Document group : group(FeedbackView.COLLECTION, overdue, null, FeedbackView.UNIT_CODE)) {
            part.of(key(group, FeedbackView.UNIT_CODE)).feedbackOverdue += count(group);
        }
        return part.tallies();
    }

    /** From the running totals, a few documents per office, however many donations there were. */
    private Map<String, Tally> cashReceived(Area area) {
        Area part = area.part();
        Criteria within = area.within(CashTotals.UNIT_CODE);
        Query query = within == null ? new Query() : Query.query(within);
        for (Document total : mongo.find(query, Document.class, CashTotals.COLLECTION)) {
            Tally tally = part.of(total.getString(CashTotals.UNIT_CODE));
            tally.cashReceived += ((Number) total.get(CashTotals.AMOUNT)).longValue();
            tally.cashDonations += ((Number) total.get(CashTotals.DONATIONS)).longValue();
        }
        return part.tallies();
    }

    private Map<String, Tally> goodsReceived(Area area) {
        Area part = area.part();
        Criteria goodsDonated = area.within(InKindDonationView.OFFICE_UNIT_CODE);
        for (Document group : group(InKindDonationView.COLLECTION, goodsDonated, null, InKindDonationView.OFFICE_UNIT_CODE)) {
            part.of(key(group, InKindDonationView.OFFICE_UNIT_CODE)).inKindDonations += count(group);
        }
        for (Document group : goods(InKindDonationView.COLLECTION, goodsDonated, InKindDonationView.ITEMS,
                InKindDonationView.OFFICE_UNIT_CODE)) {
            addGoods(part.of(key(group, InKindDonationView.OFFICE_UNIT_CODE)).inKind, group);
        }
        return part.tallies();
    }

    private Map<String, Tally> delivered(Area area) {
        Area part = area.part();
        Criteria delivered = and(area.within(DeliveryView.UNIT_CODE), DeliveryView.counted());
        for (Document group : sum(DeliveryView.COLLECTION, delivered, DeliveryView.MONEY, DeliveryView.UNIT_CODE)) {
            Tally tally = part.of(key(group, DeliveryView.UNIT_CODE));
            tally.delivered += count(group);
            tally.cashDelivered += total(group);
        }
        for (Document group : goods(DeliveryView.COLLECTION, delivered, DeliveryView.GOODS, DeliveryView.UNIT_CODE)) {
            addGoods(part.of(key(group, DeliveryView.UNIT_CODE)).goodsDelivered, group);
        }
        return part.tallies();
    }

    private Map<String, Tally> approved(Area area) {
        Area part = area.part();
        campaigns.approvedByCommune(area.rowOf().keySet(), area.national())
                .forEach((commune, households) -> part.of(commune).approved += households);
        return part.tallies();
    }

    /** Every unit of the area, mapped to the row it is counted in: the child it lies in, else the unit itself. */
    public Map<String, String> rowsOf(String code) {
        Map<String, String> rowOf = new LinkedHashMap<>();
        for (AdminUnitDirectory.Unit child : units.children(code)) {
            for (String unit : units.selfAndDescendants(child.code())) {
                rowOf.putIfAbsent(unit, child.code());
            }
        }
        if (!AdminUnitDirectory.NATIONAL.equals(code)) {
            for (String unit : units.selfAndDescendants(code)) {
                rowOf.putIfAbsent(unit, code);
            }
        }
        return rowOf;
    }

    private static boolean isEmpty(Tally tally) {
        return tally.byStatus.isEmpty() && tally.needsByState.isEmpty() && tally.feedback.isEmpty() && tally.cashDonations == 0
                && tally.inKindDonations == 0 && tally.delivered == 0 && tally.approved == 0;
    }

    private List<Document> group(String collection, Criteria match, String unwind, String... keys) {
        return group(mongo, collection, match, unwind, keys);
    }

    /** Counts of {@code collection}'s documents matching {@code match}, by {@code keys} (an array field unwound first if named). */
    static List<Document> group(MongoTemplate mongo, String collection, Criteria match, String unwind, String... keys) {
        List<AggregationOperation> steps = new ArrayList<>();
        if (match != null) {
            steps.add(Aggregation.match(match));
        }
        if (unwind != null) {
            steps.add(Aggregation.unwind(unwind));
        }
        steps.add(Aggregation.group(keys).count().as("n"));
        return mongo.aggregate(Aggregation.newAggregation(steps), collection, Document.class).getMappedResults();
    }

    private List<Document> sum(String collection, Criteria match, String field, String key) {
        List<AggregationOperation> steps = new ArrayList<>();
        if (match != null) {
            steps.add(Aggregation.match(match));
        }
        steps.add(Aggregation.group(key).count().as("n").sum(field).as("total"));
        return mongo.aggregate(Aggregation.newAggregation(steps), collection, Document.class).getMappedResults();
    }

    private List<Document> goods(String collection, Criteria match, String linesField, String unitField) {
        List<AggregationOperation> steps = new ArrayList<>();
        if (match != null) {
            steps.add(Aggregation.match(match));
        }
        steps.add(Aggregation.unwind(linesField));
        String line = linesField + ".";
        steps.add(Aggregation.group(unitField, line + GoodsLines.KEY)
                .first(line + GoodsLines.ITEM).as("item").first(line + GoodsLines.UNIT).as("unit")
                .sum(line + GoodsLines.QUANTITY_THOUSANDTHS).as("thousandths").sum(line + GoodsLines.VALUE).as("value"));
        return mongo.aggregate(Aggregation.newAggregation(steps), collection, Document.class).getMappedResults();
    }

    private static void addGoods(Map<String, Tally.Goods> lines, Document group) {
        Tally.addGoods(lines, key(group, GoodsLines.KEY), group.getString("item"), group.getString("unit"),
                ((Number) group.get("thousandths")).longValue(), ((Number) group.get("value")).longValue());
    }

    static Criteria and(Criteria first, Criteria second) {
        return first == null ? second : second == null ? first : new Criteria().andOperator(first, second);
    }

    /** A group key: {@code _id} itself when grouped by one field, else that field of {@code _id}. */
    static String key(Document group, String field) {
        Object id = group.get("_id");
        Object value;
        if (id instanceof Document compound) {
            value = compound.get(field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field);
        } else {
            value = id;
        }
        return value == null ? null : value.toString();
    }

    static long count(Document group) {
        return ((Number) group.get("n")).longValue();
    }

    private static long total(Document group) {
        Object total = group.get("total");
        return total == null ? 0 : ((Number) total).longValue();
    }
}
