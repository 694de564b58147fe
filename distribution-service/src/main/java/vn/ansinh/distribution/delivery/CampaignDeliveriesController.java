package vn.ansinh.distribution.delivery;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.web.PageResponse;

/** {@code GET /api/v1/campaigns/{id}/deliveries}: the handovers of a campaign, as its communes and office see them. */
@RestController
class CampaignDeliveriesController {

    private final DeliveryService service;

    CampaignDeliveriesController(DeliveryService service) {
        this.service = service;
    }

    @Operation(summary = "A campaign's deliveries in a unit (default: the caller's area; a commune sees its own), newest first, paged")
    @GetMapping("/api/v1/campaigns/{id}/deliveries")
    PageResponse<DeliveryController.DeliveryView> deliveries(@PathVariable String id,
            @RequestParam(name = "unit", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String unit,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        var found = service.ofCampaign(id, unit, page, size);
        return PageResponse.of(found.getContent(), found.getTotalElements(), page, size, DeliveryController.DeliveryView::of);
    }
}
