package vn.ansinh.reporting.projection;

import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

/** The households read model: one document per household, each field from the newest event that carried it. */
public final class HouseholdView {

    public static final String COLLECTION = "household_view";
    public static final String UNIT_CODE = "unitCode";
    public static final String HAMLET = "hamlet";
    public static final String CATEGORIES = "categories";
    public static final String POVERTY_STATUS = "povertyStatus";
    public static final String MEMBER_COUNT = "memberCount";
    /** False once deactivated or merged into another household. */
    public static final String ACTIVE = "active";
    public static final String REGISTERED_AT = "registeredAt";
    public static final String MERGED_INTO = "mergedInto";
    /** The day a deactivated household left the lists (yyyy-MM-dd): it is still counted in the years before. */
    public static final String DEACTIVATED_ON = "deactivatedOn";
    /**
     * The household's dated poverty-status changes, each {@code {seq, on, from, to}} ({@code on} is
     * yyyy-MM-dd), in the order they took effect: the status it had on any day, for reports of past
     * years and the yearly review.
     */
    public static final String STATUS_CHANGES = "statusChanges";
    public static final String CHANGE_SEQUENCE = "seq";
    public static final String CHANGE_ON = "on";
    public static final String CHANGE_FROM = "from";
    public static final String CHANGE_TO = "to";
    /** The latest day a change took effect: households changed after a day need their history read, the others not. */
    public static final String LAST_CHANGE_ON = "lastChangeOn";
    /** The years in which the status changed, for the yearly review's query. */
    public static final String CHANGE_YEARS = "changeYears";

    static final List<String> INDEXED = List.of(UNIT_CODE, CHANGE_YEARS);

    private HouseholdView() {
    }

    /** Households that count: not deactivated, not merged away. */
    public static Criteria counted() {
        return Criteria.where(ACTIVE).ne(false);
    }
}
