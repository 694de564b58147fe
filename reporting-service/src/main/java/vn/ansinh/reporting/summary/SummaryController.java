package vn.ansinh.reporting.summary;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.AdminUnitDirectory;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.reporting.figures.AreaFigures;
import vn.ansinh.reporting.figures.FiguresService;
import vn.ansinh.reporting.figures.PovertyReview;
import vn.ansinh.reporting.figures.PovertyReviewService;
import vn.ansinh.reporting.figures.ReadableArea;
import vn.ansinh.reporting.figures.UnitFigures;

/** The figures of a unit rolled up from its communes, for the office that covers it (auditors: any unit). */
@RestController
@RequestMapping("/api/v1/reports")
class SummaryController {

    private final FiguresService figures;
    private final PovertyReviewService reviews;
    private final ReadableArea area;

    public SummaryController(FiguresService figures, PovertyReviewService reviews, ReadableArea area) {
        this.figures = figures;
        this.reviews = reviews;
        this.area = area;
    }

    @Operation(summary = "Households by category, poverty rates over the unit's yearly statistics against its targets, donations, "
            + "deliveries and coverage for a unit and everything below it; year= gives the households' statuses at that year's end")
    @GetMapping("/summary")
    public UnitFigures summary(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                               @RequestParam(name = "year", required = false) @Min(2000) @Max(2100) Integer year) {
        return figures.summary(area.of(unit), year == null ? figures.currentYear() : year);
    }

    @Operation(summary = "The same figures for each unit directly below (each hamlet of a commune has no code: see the public map)")
    @GetMapping("/units")
    public AreaFigures units(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                             @RequestParam(name = "year", required = false) @Min(2000) @Max(2100) Integer year) {
        return figures.of(area.of(unit), year == null ? figures.currentYear() : year);
    }

    @Operation(summary = "The yearly review (rà soát): households that escaped poverty, fell into it or moved between poor and "
            + "near-poor during the year, per unit directly below and in total, from their dated status history")
    @GetMapping("/poverty-review")
    public PovertyReview povertyReview(@RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
                                       @RequestParam(name = "year", required = false) @Min(2000) @Max(2100) Integer year) {
        return reviews.review(area.of(unit), year == null ? figures.currentYear() : year);
    }

    /** Who the dashboard is signed in as: the office it opens on. */
    public record Me(String officeCode, String officeName, List<String> roles) {
    }

    @Operation(summary = "The caller's office and roles")
    @GetMapping("/me")
    public Me me() {
        CallerOffice caller = CallerOffice.current();
        String name = figures.knownUnit(caller.officeCode()).map(AdminUnitDirectory.Unit::name).orElse(caller.officeCode());
        return new Me(caller.officeCode(), name, List.copyOf(caller.roles()));
    }
}
