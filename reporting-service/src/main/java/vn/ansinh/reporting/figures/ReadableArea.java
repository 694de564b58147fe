package vn.ansinh.reporting.figures;

import org.springframework.stereotype.Component;

import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.security.OfficeScope;

/** The unit a report request is about: the one asked for, by default the caller's own office. */
@Component
public class ReadableArea {

    private final FiguresService figures;
    private final OfficeScope scope;

    public ReadableArea(FiguresService figures, OfficeScope scope) {
        this.figures = figures;
        this.scope = scope;
    }

    /**
     * @throws Refusal for an unknown unit, 403 for one the caller may not read
     */
    public String of(String requestedUnit) {
        // A plain official code means the unit carrying it today (30325: Phường Vĩnh Tế, not the old Phường Núi Sam).
        String code = scope.resolve(requestedUnit == null ? CallerOffice.current().officeCode() : requestedUnit);
        figures.unit(code);
        scope.requireCanRead(code);
        return code;
    }
}
