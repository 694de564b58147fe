package vn.ansinh.reporting.figures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import vn.ansinh.reporting.projection.HouseholdView;

/**
 * Households counted by poverty status and category — as they stand now, or as they stood on a past day
 * from their dated status history: the households registered by then and not yet deactivated, each with
 * the status its last change on or before that day gave it. Most households have not changed since, and are grouped by the database as they are;
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

    /**
     * @param within the area's filter on the household's unit, null for the whole country
     * @param day    the past day, or null for the households as they stand now (the dashboard's case: no
     *               history to read)
     */
    static void count(MongoTemplate mongo, Criteria within, LocalDate day, Function<String, Tally> tallyOf) {
        String on = day == null ? null : day.toString();
        Criteria standing = day == null ? FiguresService.and(within, HouseholdView.counted())
                : FiguresService.and(within, new Criteria().andOperator(Criteria.where(HouseholdView.REGISTERED_AT)
                        .lt(Date.from(day.plusDays(1).atStartOfDay(VIETNAM).toInstant())),
                new Criteria().orOperator(Criteria.where(HouseholdView.ACTIVE).ne(false),
                        Criteria.where(HouseholdView.DEACTIVATED_ON).gt(on))));
        Criteria unchangedSince = day == null ? standing : FiguresService.and(standing, new Criteria().orOperator(
                Criteria.where(HouseholdView.LAST_CHANGE_ON).exists(false), Criteria.where(HouseholdView.LAST_CHANGE_ON).lte(on)));
        String households = HouseholdView.COLLECTION;
        for (Document group : FiguresService.group(mongo, households, unchangedSince, null, HouseholdView.UNIT_CODE, HouseholdView.POVERTY_STATUS)) {
            tallyOf.apply(FiguresService.key(group, HouseholdView.UNIT_CODE)).byStatus
                    .merge(String.valueOf(FiguresService.key(group, HouseholdView.POVERTY_STATUS)), FiguresService.count(group), Long::sum);
        }
        for (Document group : FiguresService.group(mongo, households, FiguresService.and(unchangedSince, ETHNIC_MINORITY_POOR), null,
                HouseholdView.UNIT_CODE)) {
            tallyOf.apply(FiguresService.key(group, HouseholdView.UNIT_CODE)).ethnicMinorityPoor += FiguresService.count(group);
        }
        for (Document group : FiguresService.group(mongo, households, standing, HouseholdView.CATEGORIES, HouseholdView.UNIT_CODE,
                HouseholdView.CATEGORIES)) {
            tallyOf.apply(FiguresService.key(group, HouseholdView.UNIT_CODE)).byCategory
                    .merge(FiguresService.key(group, HouseholdView.CATEGORIES), FiguresService.count(group), Long::sum);
        }
        if (day == null) {
            return;
        }
        Query changedSince = Query.query(FiguresService.and(standing, Criteria.where(HouseholdView.LAST_CHANGE_ON).gt(on)));
        changedSince.fields().include(HouseholdView.UNIT_CODE, HouseholdView.CATEGORIES, HouseholdView.STATUS_CHANGES);
        for (Document household : mongo.find(changedSince, Document.class, households)) {
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
}
