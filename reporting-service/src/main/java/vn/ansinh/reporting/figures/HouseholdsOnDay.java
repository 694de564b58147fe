package vn.ansinh.reporting.figures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.reporting.projection.HouseholdView;

/**
 * Households counted by poverty status as they stood on a past day, from their dated status history: the
 * households registered by then and not yet deactivated, each with the status its last change on or before
 * that day gave it. Most households have not changed since, and are grouped by the database as they are;
 * only those changed after the day are read one by one, to walk their history back. A household counts in
 * the unit it is in now (moves are not walked back), and categories are today's.
 */
final class HouseholdsOnDay {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String ETHNIC_MINORITY = "ETHNIC_MINORITY";
    static final Criteria ETHNIC_MINORITY_POOR = Criteria.where(HouseholdView.POVERTY_STATUS).is("POOR")
            .and(HouseholdView.CATEGORIES).is(ETHNIC_MINORITY);

    private HouseholdsOnDay() {
    }

    /** @param within the area's filter on the household's unit, null for the whole country */
    static void count(MongoTemplate mongo, Criteria within, LocalDate day, Function<String, Tally> tallyOf) {
        String on = day.toString();
        Date endOfDay = Date.from(day.plusDays(1).atStartOfDay(VIETNAM).toInstant());
        Criteria standing = all(within, Criteria.where(HouseholdView.REGISTERED_AT).lt(endOfDay),
                new Criteria().orOperator(Criteria.where(HouseholdView.ACTIVE).ne(false),
                        Criteria.where(HouseholdView.DEACTIVATED_ON).gt(on)));
        Criteria unchangedSince = all(standing, new Criteria().orOperator(Criteria.where(HouseholdView.LAST_CHANGE_ON).exists(false),
                Criteria.where(HouseholdView.LAST_CHANGE_ON).lte(on)));
        for (Document group : group(mongo, unchangedSince, HouseholdView.UNIT_CODE, HouseholdView.POVERTY_STATUS)) {
            Document key = (Document) group.get("_id");
            tallyOf.apply(key.getString(HouseholdView.UNIT_CODE)).byStatus
                    .merge(String.valueOf(key.get(HouseholdView.POVERTY_STATUS)), count(group), Long::sum);
        }
        for (Document group : group(mongo, all(unchangedSince, ETHNIC_MINORITY_POOR), HouseholdView.UNIT_CODE)) {
            tallyOf.apply(String.valueOf(group.get("_id"))).ethnicMinorityPoor += count(group);
        }
        for (Document group : groupByCategory(mongo, standing)) {
            Document key = (Document) group.get("_id");
            tallyOf.apply(key.getString(HouseholdView.UNIT_CODE)).byCategory
                    .merge(String.valueOf(key.get(HouseholdView.CATEGORIES)), count(group), Long::sum);
        }
        Query changedSince = Query.query(all(standing, Criteria.where(HouseholdView.LAST_CHANGE_ON).gt(on)));
        changedSince.fields().include(HouseholdView.UNIT_CODE, HouseholdView.CATEGORIES, HouseholdView.STATUS_CHANGES);
        for (Document household : mongo.find(changedSince, Document.class, HouseholdView.COLLECTION)) {
            String status = statusOn(household.getList(HouseholdView.STATUS_CHANGES, Document.class, List.of()), on);
            Tally tally = tallyOf.apply(household.getString(HouseholdView.UNIT_CODE));
            tally.byStatus.merge(status, 1L, Long::sum);
            if ("POOR".equals(status) && household.getList(HouseholdView.CATEGORIES, String.class, List.of()).contains(ETHNIC_MINORITY)) {
                tally.ethnicMinorityPoor++;
            }
        }
    }

    /**
     * The status a household had on a day (yyyy-MM-dd) from its changes in the order they took effect:
     * the last one on or before the day, else the status it had before its first change.
     */
    static String statusOn(List<Document> changes, String day) {
        String status = null;
        for (Document change : changes) {
            if (change.getString(HouseholdView.CHANGE_ON).compareTo(day) > 0) {
                break;
            }
            status = change.getString(HouseholdView.CHANGE_TO);
        }
        if (status == null && !changes.isEmpty()) {
            status = changes.get(0).getString(HouseholdView.CHANGE_FROM);
        }
        return status == null ? "NONE" : status;
    }

    private static List<Document> group(MongoTemplate mongo, Criteria match, String... keys) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(match), Aggregation.group(keys).count().as("n")),
                HouseholdView.COLLECTION, Document.class).getMappedResults();
    }

    private static List<Document> groupByCategory(MongoTemplate mongo, Criteria match) {
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(match), Aggregation.unwind(HouseholdView.CATEGORIES),
                Aggregation.group(HouseholdView.UNIT_CODE, HouseholdView.CATEGORIES).count().as("n")),
                HouseholdView.COLLECTION, Document.class).getMappedResults();
    }

    private static Criteria all(Criteria... parts) {
        List<Criteria> given = java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).toList();
        return given.size() == 1 ? given.get(0) : new Criteria().andOperator(given.toArray(Criteria[]::new));
    }

    private static long count(Document group) {
        return ((Number) group.get("n")).longValue();
    }
}
