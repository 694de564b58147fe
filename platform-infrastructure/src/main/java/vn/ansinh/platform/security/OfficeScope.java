package vn.ansinh.platform.security;

import org.springframework.data.mongodb.core.query.Criteria;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.web.ApiException;

/** Each office sees and changes only its own area: its unit and the units below it. */
public class OfficeScope {

    private final AdminUnitDirectory directory;

    public OfficeScope(AdminUnitDirectory directory) {
        this.directory = directory;
    }

    public boolean covers(CallerOffice caller, String unitCode) {
        return directory.isWithin(unitCode, caller.officeCode());
    }

    /** Auditors read everything, wherever their office is; everyone else reads their own area. */
    public boolean canRead(CallerOffice caller, String unitCode) {
        return caller.roles().contains(Roles.AUDITOR) || covers(caller, unitCode);
    }

    /** @throws ApiException 403 when the unit is outside what the caller may read */
    public void requireCanRead(String unitCode) {
        if (!canRead(CallerOffice.current(), unitCode)) {
            throw ApiException.outOfScope(unitCode);
        }
    }

    /**
     * The filter of a list request on {@code field} (a unit key, or an array of them): the requested
     * unit and everything below it, by default the caller's office; no filter for the whole country.
     *
     * @throws ApiException 403 when the requested unit is outside the caller's area
     */
    public Criteria listArea(String field, String requestedUnit) {
        String area = requestedUnit == null ? CallerOffice.current().officeCode() : requestedUnit;
        requireCovers(area);
        return AdminUnitDirectory.NATIONAL.equals(area) ? new Criteria()
                : Criteria.where(field).in(directory.selfAndDescendants(area));
    }

    /** @throws ApiException 403 when the unit is outside the caller's area */
    public void requireCovers(String unitCode) {
        if (!covers(CallerOffice.current(), unitCode)) {
            throw ApiException.outOfScope(unitCode);
        }
    }
}
