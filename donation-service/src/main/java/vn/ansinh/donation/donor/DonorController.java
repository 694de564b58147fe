package vn.ansinh.donation.donor;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import vn.ansinh.platform.security.CallerOffice;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.FieldError;

@RestController
@RequestMapping("/api/v1/donors")
class DonorController {

    private final DonorService service;

    public DonorController(DonorService service) {
        this.service = service;
    }

    /**
     * A donor with the name the public will see; the phone and tax code only for the office that holds
     * the donor (an office above it, or an auditor, reads the donor without them).
     */
    public record DonorView(String id, String name, DonorKind kind, PublicDisplay display, String publicName, String phone,
                            String taxCode, String officeUnitCode, Instant createdAt) {
        static DonorView of(Donor donor) {
            boolean holdingOffice = donor.getOfficeUnitCode().equals(CallerOffice.current().officeCode());
            return new DonorView(donor.getId(), donor.getName(), donor.getKind(), donor.getDisplay(), donor.publicName(),
                    holdingOffice ? donor.getPhone() : null, holdingOffice ? donor.getTaxCode() : null, donor.getOfficeUnitCode(),
                    donor.getCreatedAt());
        }
    }

    @Operation(summary = "Record a donor and how they want to be shown publicly (FULL_NAME, INITIALS, ANONYMOUS)")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<DonorView> register(@Valid @RequestBody RegisterDonorRequest request,
                                              jakarta.servlet.http.HttpServletRequest http) {
        if (request.kind() != DonorKind.ANONYMOUS && (request.name() == null || request.name().isBlank())) {
            throw ApiException.invalid(List.of(new FieldError("name", "NotBlank")));
        }
        Donor donor = service.register(request, vn.ansinh.platform.web.IdempotencyKeyFilter.requestKeyOf(http));
        return ResponseEntity.created(URI.create("/api/v1/donors/" + donor.getId())).body(DonorView.of(donor));
    }

    @Operation(summary = "Donors held by the offices of the caller's area, by name (marks and case ignored), paged")
    @GetMapping
    public vn.ansinh.platform.web.PageResponse<DonorView> search(
            @RequestParam(name = "q", required = false) @jakarta.validation.constraints.Size(max = 150) String q,
            @RequestParam(name = "page", defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(vn.ansinh.platform.web.PageResponse.MAX_SIZE) int size) {
        var found = service.search(q, page, size);
        return vn.ansinh.platform.web.PageResponse.of(found.getContent(), found.getTotalElements(), page, size, DonorView::of);
    }

    @Operation(summary = "A donor of the caller's area")
    @GetMapping("/{id}")
    public DonorView get(@PathVariable String id) {
        return DonorView.of(service.get(id));
    }
}
