package vn.ansinh.platform.security;

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

    /** @throws ApiException 403 when the unit is outside the caller's area */
    public void requireCovers(String unitCode) {
        if (!covers(CallerOffice.current(), unitCode)) {
            throw ApiException.outOfScope(unitCode);
        }
    }
}
