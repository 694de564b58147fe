package vn.ansinh.donation.stock;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.security.OfficeScope;

@RestController
class StockController {

    private final StockService service;
    private final OfficeScope scope;

    public StockController(StockService service, OfficeScope scope) {
        this.service = service;
        this.scope = scope;
    }

    /** One item of an office's stock; quantities in the item's unit. */
    public record StockLine(String item, String unit, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                            BigDecimal received, BigDecimal delivered, String organisationCode) {
    }

    @Operation(summary = "An office's stock: on hand, reserved for campaigns, available; each of its organisations' "
            + "stock on lines of its own (organisationCode keeps one organisation's, OFFICE the office's own store)")
    @GetMapping("/api/v1/stock")
    public List<StockLine> stock(@RequestParam("officeUnitCode") @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String asSent,
                                 @RequestParam(name = "organisationCode", required = false)
                                 @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}") String organisationCode) {
        String officeUnitCode = scope.resolve(asSent);
        scope.requireCanRead(officeUnitCode);
        return service.of(officeUnitCode, organisationCode).stream().map(line -> new StockLine(line.item().getItem(), line.item().getUnit(),
                Quantities.fromThousandths(line.totals().balance()), Quantities.fromThousandths(line.totals().reserved()),
                Quantities.fromThousandths(line.totals().available()), Quantities.fromThousandths(line.totals().received()),
                Quantities.fromThousandths(line.totals().spent()), line.item().getOrganisationCode())).toList();
    }
}
