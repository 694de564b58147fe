package vn.ansinh.donation.fund;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/funds")
public class FundController {

    private final FundService service;

    public FundController(FundService service) {
        this.service = service;
    }

    /** A fund with its figures in whole VND. */
    public record FundView(String id, String name, String officeUnitCode, String purpose, long balance, long reserved,
                           long available, long received, long spent) {
        static FundView of(Fund fund, FundBalances.Balance balance) {
            return new FundView(fund.getId(), fund.getName(), fund.getOfficeUnitCode(), fund.getPurpose(),
                    balance.balance(), balance.reserved(), balance.available(), balance.received(), balance.spent());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<FundView> open(@Valid @RequestBody OpenFundRequest request) {
        Fund fund = service.open(request);
        return ResponseEntity.created(URI.create("/api/v1/funds/" + fund.getId()))
                .body(FundView.of(fund, service.balanceOf(fund)));
    }

    @GetMapping("/{id}")
    public FundView get(@PathVariable String id) {
        Fund fund = service.get(id);
        return FundView.of(fund, service.balanceOf(fund));
    }
}
