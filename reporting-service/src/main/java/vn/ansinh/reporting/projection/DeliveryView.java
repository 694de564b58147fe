package vn.ansinh.reporting.projection;

import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The deliveries read model: one document per delivery, what it handed over ({@link #MONEY}, and
 * {@link #GOODS} as {@link GoodsLines}), and whether it was reverted. A reversal may arrive first,
 * leaving a document with no household yet.
 */
public final class DeliveryView {

    public static final String COLLECTION = "delivery_view";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String HOUSEHOLD_ID = "householdId";
    public static final String UNIT_CODE = "unitCode";
    public static final String MONEY = "money";
    public static final String GOODS = "goods";
    public static final String DELIVERED_AT = "deliveredAt";
    public static final String REVERTED = "reverted";
    /** The eligible people the delivery served when paid per person (0 when not said). */
    public static final String PERSONS = "persons";

    static final List<String> INDEXED = List.of(UNIT_CODE, CAMPAIGN_ID);

    private DeliveryView() {
    }

    /** Deliveries that count: recorded (not only a reversal seen early) and not reverted. */
    public static Criteria counted() {
        return Criteria.where(REVERTED).ne(true).and(HOUSEHOLD_ID).exists(true);
    }
}
