package vn.ansinh.console.organisation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.backend.ServiceUnavailableException;

/**
 * The organisations an office has registered with donation-service (its Fatherland Front committee, Women's
 * Union, Youth Union, veterans' association): what the fund, campaign and account forms offer, and the
 * names shown where only a code is stored.
 */
@Component
public class Organisations {

    private final ServiceApi donation;

    public Organisations(ServiceApis services) {
        this.donation = services.donation();
    }

    public record Organisation(String officeUnitCode, String code, String name, Instant registeredAt) {
    }

    /** The office's organisations by code, as donation-service keeps them. */
    public List<Organisation> of(String office) {
        return donation.getList(UriComponentsBuilder.fromPath("/api/v1/organisations").queryParam("officeUnitCode", office)
                .build().toUriString(), Organisation.class);
    }

    /**
     * Code → name of the office's organisations, for forms and lists. Empty when donation-service cannot
     * be reached or the office is national: the page still works, it just offers no organisation.
     */
    public Map<String, String> namesOf(String office) {
        if (office == null || "VN".equals(office)) {
            return Map.of();
        }
        try {
            Map<String, String> names = new LinkedHashMap<>();
            of(office).forEach(organisation -> names.put(organisation.code(), organisation.name()));
            return names;
        } catch (ServiceUnavailableException | ApiRefusal unavailable) {
            return Map.of();
        }
    }
}
