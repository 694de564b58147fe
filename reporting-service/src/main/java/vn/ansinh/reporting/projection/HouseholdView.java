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

    static final List<String> INDEXED = List.of(UNIT_CODE);

    private HouseholdView() {
    }

    /** Households that count: not deactivated, not merged away. */
    public static Criteria counted() {
        return Criteria.where(ACTIVE).ne(false);
    }
}
