package vn.ansinh.donation.statement;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import vn.ansinh.platform.web.PerClientRateLimiter;

@RestController
class FundStatementController {

    private final FundStatementService service;
    private final OfficeStatementService offices;
    private final PerClientRateLimiter rateLimiter;

    public FundStatementController(FundStatementService service, OfficeStatementService offices,
                                   @Value("${ansinh.donation.public-statement.requests-per-minute:60}") int requestsPerMinute) {
        this.service = service;
        this.offices = offices;
        this.rateLimiter = new PerClientRateLimiter(requestsPerMinute, Duration.ofMinutes(1));
    }

    @Operation(summary = "PUBLIC: a fund's money in and out by day, donors as they chose to be shown; no phone, no ID. "
            + "Figures for the whole period; lines a page at a time (page, size up to 2,000)")
    @GetMapping("/api/v1/public/funds/{id}/statement")
    public FundStatement statement(@PathVariable String id,
                                   @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(name = "page", defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
                                   @RequestParam(name = "size", defaultValue = "2000") @jakarta.validation.constraints.Min(1)
                                   @jakarta.validation.constraints.Max(vn.ansinh.platform.web.PageResponse.MAX_SIZE) int size,
                                   HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return service.statementOf(id, from, to, page, size);
    }

    @Operation(summary = "PUBLIC: an office's money over a period, its own funds and each of its organisations' "
            + "(Fatherland Front, Women's Union...) and in total; organisationCode keeps one part (OFFICE: the office's own)")
    @GetMapping("/api/v1/public/offices/{unitCode}/statement")
    public OfficeStatement officeStatement(@PathVariable @jakarta.validation.constraints.Pattern(regexp = vn.ansinh.platform.adminunit.UnitKeys.KEY)
                                           String unitCode,
                                           @RequestParam(name = "organisationCode", required = false)
                                           @jakarta.validation.constraints.Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode,
                                           @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return offices.statementOf(unitCode, organisationCode, from, to);
    }
}
