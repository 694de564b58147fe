package vn.ansinh.donation.organisation;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.adminunit.UnitKeys;

@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    /** An organisation of an office: the code accounts, funds and campaigns name, and its name. */
    public record OrganisationView(String officeUnitCode, String code, String name, Instant registeredAt) {
        static OrganisationView of(Organisation organisation) {
            return new OrganisationView(organisation.getOfficeUnitCode(), organisation.getCode(), organisation.getName(),
                    organisation.getRegisteredAt());
        }
    }

    @Operation(summary = "Register an organisation of the office (Fatherland Front, Women's Union, Youth Union, veterans); "
            + "the same code and name again answers the one there")
    @PostMapping
    @PreAuthorize("hasAnyRole('APPROVER', 'ADMIN')")
    public ResponseEntity<OrganisationView> register(@Valid @RequestBody RegisterOrganisationRequest request) {
        Organisation organisation = organisations.register(request);
        return ResponseEntity.created(URI.create("/api/v1/organisations?officeUnitCode=" + organisation.getOfficeUnitCode()))
                .body(OrganisationView.of(organisation));
    }

    @Operation(summary = "The organisations of an office (default the caller's), by code")
    @GetMapping
    public List<OrganisationView> list(@RequestParam(name = "officeUnitCode", required = false)
                                       @Pattern(regexp = UnitKeys.KEY) String officeUnitCode) {
        return organisations.ofOffice(officeUnitCode).stream().map(OrganisationView::of).toList();
    }
}
