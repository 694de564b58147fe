package vn.ansinh.registry.adminunit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.ApiException;

/**
 * The unit list without a token: names and codes of administrative units are public, and the
 * residents' page lets a resident pick their commune from them.
 */
@RestController
class PublicAdminUnitController {

    private final AdminUnitService service;

    PublicAdminUnitController(AdminUnitService service) {
        this.service = service;
    }

    @Operation(summary = "PUBLIC: one unit, by code")
    @GetMapping("/api/v1/public/admin-units/{code}")
    public AdminUnitController.AdminUnitView one(@PathVariable @Pattern(regexp = UnitKeys.KEY) String code) {
        return service.resolve(code, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))).map(AdminUnitController.AdminUnitView::of)
                .orElseThrow(() -> ApiException.notFound("admin unit", code));
    }

    @Operation(summary = "PUBLIC: the units directly below a unit as they stand today")
    @GetMapping("/api/v1/public/admin-units")
    public List<AdminUnitController.AdminUnitView> children(@RequestParam("parent") @Pattern(regexp = UnitKeys.KEY) String parentCode) {
        return service.childrenOn(parentCode, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))).stream()
                .map(AdminUnitController.AdminUnitView::of).toList();
    }
}
