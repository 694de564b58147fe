package vn.ansinh.platform.security;

import org.springframework.data.mongodb.core.query.Criteria;

import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;

/** Each office sees and changes only its own area: its unit and the units below it. */
public class OfficeScope {

    private final AdminUnitDirectory directory;

    public OfficeScope(AdminUnitDirectory directory) {
        this.directory = directory;
    }

    /** The caller's office is a code from its token: a plain code means the unit that carries it today. */
    public boolean covers(CallerOffice caller, String unitCode) {
        return directory.isWithin(unitCode, directory.resolveToday(caller.officeCode()));
    }

    /** The unit a code in a request means today (see {@link AdminUnitDirectory#resolve}); stored keys are not resolved. */
    public String resolve(String requestedUnit) {
        return directory.resolveToday(requestedUnit);
    }

    /**
     * Everyone reads their own office's area, auditors too: an auditor of a district reads that district,
     * a national auditor (office {@code VN}) the whole country. What an auditor may not do is change
     * anything, which the roles on each write endpoint see to.
     */
    public boolean canRead(CallerOffice caller, String unitCode) {
        return covers(caller, unitCode);
    }

    /** @throws Refusal when the unit is outside what the caller may read */
    public void requireCanRead(String unitCode) {
        if (!canRead(CallerOffice.current(), unitCode)) {
            throw Refusal.outOfScope(unitCode);
        }
    }

    /**
     * The filter of a list request on {@code field} (a unit key, or an array of them): the requested
     * unit and everything below it, by default the caller's office; no filter for the whole country.
     *
     * @throws Refusal when the requested unit is outside the caller's area
     */
    public Criteria listArea(String field, String requestedUnit) {
        String area = directory.resolveToday(requestedUnit == null ? CallerOffice.current().officeCode() : requestedUnit);
        requireCovers(area);
        return AdminUnitDirectory.NATIONAL.equals(area) ? new Criteria()
                : Criteria.where(field).in(directory.selfAndDescendants(area));
    }

    /** @throws Refusal when the unit is outside the caller's area */
    public void requireCovers(String unitCode) {
        if (!covers(CallerOffice.current(), unitCode)) {
            throw Refusal.outOfScope(unitCode);
        }
    }

    /**
     * A person who acts for one organisation of the office (its Women's Union, say) changes only what
     * belongs to that organisation; a person of the office itself changes all of the office's things.
     *
     * @param owningOrganisation the organisation the thing belongs to, {@code null} for the office's own
     * @throws Refusal when the caller acts for another organisation, or for one while the thing is the office's own
     */
    public void requireActsFor(String owningOrganisation) {
        CallerOffice caller = CallerOffice.current();
        if (!caller.actsForWholeOffice() && !caller.organisationCode().equals(owningOrganisation)) {
            throw new Refusal(Refusal.Kind.OUT_OF_SCOPE, "organisation.not-yours",
                    owningOrganisation == null ? caller.officeCode() : owningOrganisation);
        }
    }

    /**
     * The organisation a new thing belongs to: what the request names, and for a person who acts for an
     * organisation always that organisation (named or left out).
     *
     * @throws Refusal when an organisation's person names another organisation
     */
    public String organisationFor(String requestedOrganisation) {
        CallerOffice caller = CallerOffice.current();
        String requested = requestedOrganisation == null || requestedOrganisation.isBlank() ? null : requestedOrganisation;
        if (caller.actsForWholeOffice()) {
            return requested;
        }
        if (requested != null && !requested.equals(caller.organisationCode())) {
            throw new Refusal(Refusal.Kind.OUT_OF_SCOPE, "organisation.not-yours", requested);
        }
        return caller.organisationCode();
    }
}
