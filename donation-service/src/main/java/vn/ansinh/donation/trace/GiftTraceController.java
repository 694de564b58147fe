package vn.ansinh.donation.trace;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.web.PerClientRateLimiter;

/** Where a gift went, by the receipt number its donor holds. */
@RestController
class GiftTraceController {

    private final GiftTraces traces;
    private final ExpiredGoods expired;
    private final PerClientRateLimiter rateLimiter;

    GiftTraceController(GiftTraces traces, ExpiredGoods expired, @Value("${ansinh.donation.public-statement.requests-per-minute:60}") int requestsPerMinute) {
        this.traces = traces;
        this.expired = expired;
        this.rateLimiter = new PerClientRateLimiter(requestsPerMinute, Duration.ofMinutes(1));
    }

    @Operation(summary = "PUBLIC: where a gift went — the campaigns it paid for, how much, in which communes, how many households "
            + "and when, what was paid directly and what is left; never who (first in, first out within its fund or item)")
    @GetMapping("/api/v1/public/donations/{receiptNumber}/trace")
    public GiftTrace trace(@PathVariable @Pattern(regexp = "^[A-Za-z0-9@.:_-]{1,60}$") String receiptNumber, HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return traces.trace(receiptNumber);
    }

    @Operation(summary = "Perishable goods that expired before they were handed out: each lot with what is left of it "
            + "(the offices of a unit and below, default the caller's)")
    @GetMapping("/api/v1/stock/expired")
    public java.util.List<ExpiredGoods.ExpiredLot> expired(
            @org.springframework.web.bind.annotation.RequestParam(name = "officeUnitCode", required = false)
            @Pattern(regexp = vn.ansinh.platform.adminunit.UnitKeys.KEY_OR_NATIONAL) String officeUnitCode) {
        return expired.of(officeUnitCode);
    }
}
