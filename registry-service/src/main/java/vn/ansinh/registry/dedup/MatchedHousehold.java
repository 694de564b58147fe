package vn.ansinh.registry.dedup;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/**
 * A household on one side of a possible duplicate, as the caller may see it: with its id when it lies
 * in the caller's area, otherwise only "exists in unit X" — no id, no name, nothing about its people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchedHousehold(String householdId, String unitCode, String unitName, boolean inYourArea) {

    public static MatchedHousehold of(String householdId, String unitCode, OfficeScope scope, AdminUnitDirectory units) {
        boolean visible = scope.covers(CallerOffice.current(), unitCode);
        String unitName = units.find(unitCode).map(AdminUnitDirectory.Unit::name).orElse(unitCode);
        return new MatchedHousehold(visible ? householdId : null, unitCode, unitName, visible);
    }

    /** A reason as code and words (the words never describe the other household's data). */
    public record Reason(MatchReason code, String text) {
        public static List<Reason> of(java.util.Collection<MatchReason> reasons) {
            return reasons.stream().map(r -> new Reason(r, r.text())).toList();
        }
    }
}
