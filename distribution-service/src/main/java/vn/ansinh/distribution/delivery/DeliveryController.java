package vn.ansinh.distribution.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.RequestValidation;

@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private final DeliveryService service;
    private final Validator validator;

    public DeliveryController(DeliveryService service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** A handover; {@code recordedBy} is who recorded it, {@code reverted*} say whether and why it was undone. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record DeliveryView(String id, String campaignId, String entitlementId, String householdId, String unitCode,
                               Instant deliveredAt, String deliveredBy, String proof, String recordedBy, Instant recordedAt,
                               Instant revertedAt, String revertedBy, String revertReason) {
        public static DeliveryView of(Delivery d) {
            return new DeliveryView(d.getId(), d.getCampaignId(), d.getEntitlementId(), d.getHouseholdId(), d.getUnitCode(),
                    d.getDeliveredAt(), d.getDeliveredBy(), d.getProof(), d.getRecordedBy(), d.getRecordedAt(), d.getRevertedAt(),
                    d.getRevertedBy(), d.getRevertReason());
        }
    }

    @Operation(summary = "One delivery, if it lies in the caller's area")
    @org.springframework.web.bind.annotation.GetMapping("/{id}")
    public DeliveryView get(@PathVariable @Size(max = 100) String id) {
        return DeliveryView.of(service.get(id));
    }

    public record RevertRequest(@NotBlank @Size(max = 500)
                                @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }

    @Operation(summary = "Revert a delivery recorded by mistake, with the reason; its share returns to the reservation")
    @PostMapping("/{id}/revert")
    @PreAuthorize("hasRole('OFFICER')")
    public DeliveryView revert(@PathVariable String id,
                               @Valid @RequestBody RevertRequest request) {
        return DeliveryView.of(service.revert(id, request.reason()));
    }

    /** One record of an offline batch: what happened to it, and why if it was refused. */
    public record BatchLine(int index, String id, int status, String code) {
    }

    @Operation(summary = "Record a handover; 409 if the household was already served in this campaign")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<DeliveryView> record(@Valid @RequestBody RecordDeliveryRequest request) {
        DeliveryService.Recorded recorded = service.record(request);
        return ResponseEntity.status(recorded.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/deliveries/" + recorded.delivery().getId()))
                .body(DeliveryView.of(recorded.delivery()));
    }

    @Operation(summary = "Records kept by a device while offline, sent together; each is answered like a single one")
    @PostMapping("/batch")
    @PreAuthorize("hasRole('OFFICER')")
    public List<BatchLine> recordBatch(@RequestBody @NotNull @Size(max = 5_000) List<@NotNull RecordDeliveryRequest> requests) {
        List<BatchLine> lines = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            RecordDeliveryRequest request = requests.get(i);
            try {
                RequestValidation.requireValid(validator, request);
                DeliveryService.Recorded recorded = service.record(request);
                lines.add(new BatchLine(i, recorded.delivery().getId(), recorded.isNew() ? 201 : 200, null));
            } catch (ApiException refused) {
                lines.add(new BatchLine(i, request.id(), refused.status().value(), refused.code()));
            } catch (vn.ansinh.platform.domain.Refusal refused) {
                // e.g. the campaign closed meanwhile: this record is refused, the rest of the device's batch goes on
                lines.add(new BatchLine(i, request.id(), vn.ansinh.platform.web.ProblemDetailsAdvice.statusOf(refused.kind()).value(),
                        refused.code()));
            }
        }
        return lines;
    }
}
