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
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.FieldError;

@RestController
@RequestMapping("/api/v1/donors")
public class DonorController {

    private final DonorService service;

    public DonorController(DonorService service) {
        this.service = service;
    }

    /** A donor as the recording office sees it, with the name the public will see. */
    public record DonorView(String id, String name, DonorKind kind, PublicDisplay display, String publicName, String phone,
                            String taxCode, String officeUnitCode, Instant createdAt) {
        static DonorView of(Donor donor) {
            return new DonorView(donor.getId(), donor.getName(), donor.getKind(), donor.getDisplay(), donor.publicName(),
                    donor.getPhone(), donor.getTaxCode(), donor.getOfficeUnitCode(), donor.getCreatedAt());
        }
    }

    @Operation(summary = "Record a donor and how they want to be shown publicly (FULL_NAME, INITIALS, ANONYMOUS)")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<DonorView> register(@Valid @RequestBody RegisterDonorRequest request) {
        if (request.kind() != DonorKind.ANONYMOUS && (request.name() == null || request.name().isBlank())) {
            throw ApiException.invalid(List.of(new FieldError("name", "NotBlank")));
        }
        Donor donor = service.register(request);
        return ResponseEntity.created(URI.create("/api/v1/donors/" + donor.getId())).body(DonorView.of(donor));
    }

    @GetMapping("/{id}")
    public DonorView get(@PathVariable String id) {
        return DonorView.of(service.get(id));
    }
}
