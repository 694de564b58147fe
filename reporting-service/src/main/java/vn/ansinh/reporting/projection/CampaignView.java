package vn.ansinh.reporting.projection;

import java.util.List;

/**
 * The approved campaigns read model: one document per campaign, with its approved list counted by
 * commune ({@link #APPROVED} lines of {@link #LINE_UNIT_CODE} and {@link #LINE_HOUSEHOLDS}) and, once
 * closed, when and why. {@link #STATE} is not stored: {@link CampaignStates} derives it when read.
 */
public final class CampaignView {

    public static final String COLLECTION = "campaign_view";
    public static final String NAME = "name";
    public static final String OFFICE_UNIT_CODE = "officeUnitCode";
    /** The office's organisation that runs the campaign; absent or null for the office itself. */
    public static final String ORGANISATION_CODE = "organisationCode";
    public static final String STARTS_ON = "startsOn";
    public static final String ENDS_ON = "endsOn";
    public static final String PER_HOUSEHOLD_MONEY = "perHouseholdMoney";
    public static final String PER_HOUSEHOLD_GOODS = "perHouseholdGoods";
    public static final String APPROVED = "approved";
    public static final String LINE_UNIT_CODE = "unitCode";
    public static final String LINE_HOUSEHOLDS = "households";
    public static final String APPROVED_HOUSEHOLDS = "approvedHouseholds";
    public static final String APPROVED_AT = "approvedAt";
    public static final String CLOSED_AT = "closedAt";
    public static final String CLOSE_REASON = "closeReason";
    public static final String STATE = "state";
    /** The programme the campaign is a round of (its own id for a single round), and the round's number. */
    public static final String PROGRAMME_ID = "programmeId";
    public static final String ROUND = "round";
    /** The eligible people on the approved list, and the cash the whole list is to receive. */
    public static final String APPROVED_PERSONS = "approvedPersons";
    public static final String CASH_APPROVED = "cashApproved";

    static final List<String> INDEXED = List.of(APPROVED + "." + LINE_UNIT_CODE, PROGRAMME_ID);

    private CampaignView() {
    }
}
