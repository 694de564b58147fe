package vn.ansinh.console.home;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.Section;
import vn.ansinh.console.backend.Service;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;

/**
 * The front page: for someone not signed in, the way to sign in and the residents' link; for an
 * officer, what waits for their office, each figure from the service that holds it (a service that
 * is down blanks its own card only).
 */
@Controller
class HomePage {

    private final ServiceApis services;
    private final AdminUnits units;

    HomePage(ServiceApis services, AdminUnits units) {
        this.services = services;
        this.units = units;
    }

    /** The figures on the officer's front page. */
    record Overview(Section<AreaFigure> area, Section<Long> needsWaiting, Section<Long> openDuplicates,
                    Section<FundsFigure> funds, Section<Long> activeCampaigns) {
    }

    /** The office's area as the reports count it. */
    record AreaFigure(String unitName, long households, long poorHouseholds, long nearPoorHouseholds, long cashReceived) {
    }

    record FundsFigure(long count, long available) {
    }

    @GetMapping("/")
    String home(@ModelAttribute("person") SignedInPerson person, Model model) {
        if (person == null) {
            return "welcome";
        }
        String office = person.office();
        model.addAttribute("officeName", Section.load(Service.REGISTRY, () -> units.nameOf(office)));
        model.addAttribute("overview", new Overview(
                Section.load(Service.REPORTING, () -> services.reporting().get(UriComponentsBuilder
                        .fromPath("/api/v1/reports/summary").queryParamIfPresent("unit", unitOf(office)).build().toUriString(),
                        AreaFigure.class)),
                Section.load(Service.REGISTRY, () -> total(services.registry().get("/api/v1/needs?state=SUBMITTED&size=1", JsonNode.class))),
                Section.load(Service.REGISTRY, () -> total(services.registry().get("/api/v1/duplicates?state=OPEN&size=1", JsonNode.class))),
                Section.load(Service.DONATION, () -> funds(office)),
                Section.load(Service.DISTRIBUTION, () -> total(services.distribution().get(
                        UriComponentsBuilder.fromPath("/api/v1/campaigns").queryParamIfPresent("unit", unitOf(office))
                                .queryParam("state", "ACTIVE").queryParam("size", 1).build().toUriString(), JsonNode.class)))));
        return "home";
    }

    private FundsFigure funds(String office) {
        JsonNode page = services.donation().get(UriComponentsBuilder.fromPath("/api/v1/funds")
                .queryParamIfPresent("officeUnitCode", unitOf(office)).queryParam("size", 2000).build().toUriString(), JsonNode.class);
        long available = 0;
        JsonNode content = page.has("content") ? page.path("content") : page;
        for (JsonNode fund : content) {
            available += fund.path("available").asLong(0);
        }
        return new FundsFigure(content.size(), available);
    }

    private static java.util.Optional<String> unitOf(String office) {
        return "VN".equals(office) || office == null ? java.util.Optional.empty() : java.util.Optional.of(office);
    }

    private static long total(JsonNode page) {
        return page.path("totalElements").asLong(page.isArray() ? page.size() : 0);
    }

}
