package vn.ansinh.reporting.projection;

import java.util.List;

/** The organisations of each office (its Fatherland Front, Women's Union...): one document per organisation, id {@code office:code}. */
public final class OrganisationView {

    public static final String COLLECTION = "organisation_view";
    public static final String OFFICE_UNIT_CODE = "officeUnitCode";
    public static final String CODE = "code";
    public static final String NAME = "name";

    static final List<String> INDEXED = List.of(OFFICE_UNIT_CODE);

    private OrganisationView() {
    }
}
