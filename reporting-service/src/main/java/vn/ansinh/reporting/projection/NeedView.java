package vn.ansinh.reporting.projection;

import java.util.List;

/** The needs read model: one document per need, with its newest state. */
public final class NeedView {

    public static final String COLLECTION = "need_view";
    public static final String UNIT_CODE = "unitCode";
    public static final String KINDS = "kinds";
    public static final String STATE = "state";
    public static final String HOUSEHOLD_ID = "householdId";
    public static final String AT = "at";

    static final List<String> INDEXED = List.of(UNIT_CODE);

    private NeedView() {
    }
}
