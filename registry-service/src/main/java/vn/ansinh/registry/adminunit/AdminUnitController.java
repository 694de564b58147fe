package vn.ansinh.registry.adminunit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.core.JacksonException;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.FieldError;

@RestController
@RequestMapping("/api/v1/admin-units")
class AdminUnitController {

    private final AdminUnitService service;

    public AdminUnitController(AdminUnitService service) {
        this.service = service;
    }

    /** One unit as clients see it. */
    public record AdminUnitView(String code, String gsoCode, String name, UnitLevel level, String parentCode,
                                LocalDate validFrom, LocalDate validTo, String mergedInto, List<String> partlyMergedInto) {
        static AdminUnitView of(AdminUnit unit) {
            return new AdminUnitView(unit.getCode(), unit.getGsoCode(), unit.getName(), unit.getLevel(), unit.getParentCode(),
                    unit.getValidFrom(), unit.getValidTo(), unit.getMergedInto(), unit.getPartlyMergedInto());
        }
    }

    @Operation(summary = "Import the official unit list (three-level until mid-2025 or two-level since)")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    public AdminUnitService.ImportResult importUnits(@RequestPart("file") MultipartFile file) throws IOException {
        try {
            return service.importUnitList(file.getInputStream());
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed",
                    List.of(new FieldError("file", "not valid JSON: " + e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", List.of(new FieldError("file", e.getMessage())));
        }
    }

    @Operation(summary = "Apply a reorganisation: the mapping of old units merged into new ones (import both unit lists first)")
    @PostMapping(path = "/merges", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    public AdminUnitService.MergeResult importMerges(@RequestPart("file") MultipartFile file,
                                                     @RequestParam(name = "effectiveFrom", defaultValue = "2025-07-01") LocalDate effectiveFrom)
            throws IOException {
        try {
            return service.importMergeMapping(file.getInputStream(), effectiveFrom);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed",
                    List.of(new FieldError("file", "not valid JSON: " + e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", List.of(new FieldError("file", e.getMessage())));
        }
    }

    @Operation(summary = "A unit: a plain official code means the unit carrying it today (or on `date`); a key with @date "
            + "means itself. The answer's code (key) and validity say which unit was chosen.")
    @GetMapping("/{code}")
    public AdminUnitView get(@PathVariable @jakarta.validation.constraints.Pattern(regexp = vn.ansinh.platform.adminunit.UnitKeys.KEY)
                             String code, @RequestParam(name = "date", required = false) LocalDate date) {
        return service.resolve(code, date == null ? today() : date).map(AdminUnitView::of)
                .orElseThrow(() -> ApiException.notFound("admin unit", code));
    }

    @Operation(summary = "The units directly below a unit, as they stood today (or on `date`): ?parent=91 lists today's "
            + "An Giang's communes, ?parent=91&date=2024-12-31 old Kiên Giang's districts")
    @GetMapping
    public List<AdminUnitView> children(@RequestParam("parent") @jakarta.validation.constraints.Pattern(
                                                regexp = vn.ansinh.platform.adminunit.UnitKeys.KEY) String parentCode,
                                        @RequestParam(name = "date", required = false) LocalDate date) {
        return service.childrenOn(parentCode, date == null ? today() : date).stream().map(AdminUnitView::of).toList();
    }

    private static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
