package vn.ansinh.reporting.projection;

import java.util.List;

/**
 * Houses built or repaired for households in hardship as distribution-service published them: one
 * document per house with its office, organisation, commune, kind, stage and cost — never the household.
 */
public final class HouseView {

    public static final String COLLECTION = "house_view";
    public static final String OFFICE_UNIT_CODE = "officeUnitCode";
    /** The office's organisation that runs the house; null for the office itself. */
    public static final String ORGANISATION_CODE = "organisationCode";
    /** The commune the household lived in when the house was approved: the house counts there. */
    public static final String UNIT_CODE = "unitCode";
    /** BUILD or REPAIR. */
    public static final String KIND = "kind";
    /** APPROVED, BUILDING, HANDED_OVER or CANCELLED. */
    public static final String STAGE = "stage";
    public static final String ESTIMATED_COST = "estimatedCost";
    /** What it cost in the end; absent until handed over. */
    public static final String COST = "cost";
    /** The ISO day it was handed over, and its year (what the yearly count selects by); absent until then. */
    public static final String HANDED_OVER_ON = "handedOverOn";
    public static final String HANDED_OVER_YEAR = "handedOverYear";

    static final List<String> INDEXED = List.of(UNIT_CODE, HANDED_OVER_YEAR);

    private HouseView() {
    }
}
