package vn.ansinh.reporting.summary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;

@RestController
@RequestMapping("/api/v1/reports")
public class SummaryController {

    private final SummaryService summaries;

    public SummaryController(SummaryService summaries) {
        this.summaries = summaries;
    }

    @Operation(summary = "Households by category, poverty rate and donations for a unit and everything below it")
    @GetMapping("/summary")
    public UnitSummary summary(@RequestParam("unit") @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unitCode) {
        return summaries.summarise(unitCode);
    }
}
