package vn.ansinh.distribution.twinning;

import org.springframework.stereotype.Component;

import vn.ansinh.distribution.housing.HouseTwinnings;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.security.OfficeScope;

/** A house may be built under a twinning the caller's office keeps, while it lasts, for a family of the twinned commune. */
@Component
class TwinningHouses implements HouseTwinnings {

    private final Twinnings twinnings;
    private final OfficeScope scope;
    private final AdminUnitDirectory units;

    TwinningHouses(Twinnings twinnings, OfficeScope scope, AdminUnitDirectory units) {
        this.twinnings = twinnings;
        this.scope = scope;
        this.units = units;
    }

    @Override
    public void requireUsableFor(String twinningId, String householdUnit) {
        Twinning twinning = twinnings.get(twinningId);
        scope.requireCovers(twinning.getOfficeUnitCode());
        if (twinning.getState() == Twinning.State.ENDED) {
            throw Refusal.conflict("twinning.ended", twinning.getId(), twinning.getEndedOn());
        }
        if (!units.isWithin(householdUnit, twinning.getUnitCode())) {
            throw Refusal.unprocessable("twinning.other-village", twinning.getId(), householdUnit);
        }
    }
}
