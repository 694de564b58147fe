package vn.ansinh.registry.household;

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

@RestController
@RequestMapping("/api/v1/households")
public class HouseholdController {

    private final HouseholdService service;

    public HouseholdController(HouseholdService service) {
        this.service = service;
    }

    /** A household as officers of its area see it. */
    public record HouseholdView(String id, String headName, List<Member> members, Address address, String phone,
                                List<Category> categories, PovertyStatus povertyStatus, Instant registeredAt,
                                long version) {
        static HouseholdView of(Household h) {
            return new HouseholdView(h.getId(), h.getHeadName(), h.getMembers(), h.getAddress(), h.getPhone(),
                    h.getCategories(), h.getPovertyStatus(), h.getRegisteredAt(), h.getVersion());
        }
    }

    @Operation(summary = "Register a household in a unit of the caller's area")
    @PostMapping
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<HouseholdView> register(@Valid @RequestBody RegisterHouseholdRequest request) {
        Household household = service.register(request);
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.getId()))
                .body(HouseholdView.of(household));
    }

    @GetMapping("/{id}")
    public HouseholdView get(@PathVariable String id) {
        return HouseholdView.of(service.get(id));
    }
}
