package vn.ansinh.console.need;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Flash;
import vn.ansinh.console.web.Ids;

/**
 * The queue of needs residents reported, by state; one need with its history; verify, approve
 * (linked to a household found by name, or to one registered from the request) and reject with a reason.
 */
@Controller
@RequestMapping("/needs")
class NeedPages {

    static final List<String> STATES = List.of("SUBMITTED", "VERIFIED", "APPROVED", "REJECTED");
    private static final int PAGE_SIZE = 20;

    private final ServiceApi registry;
    private final AdminUnits units;
    private final HouseholdDirectory households;
    private final PageText text;

    NeedPages(ServiceApis services, AdminUnits units, HouseholdDirectory households, PageText text) {
        this.registry = services.registry();
        this.units = units;
        this.households = households;
        this.text = text;
    }

    record Need(String id, String trackingCode, String fullName, String phone, String unitCode, String hamlet,
                List<String> needs, String note, String state, String householdId, List<Step> history,
                Instant submittedAt, Instant updatedAt) {
        Need {
            needs = needs == null ? List.of() : needs;
            history = history == null ? List.of() : history;
        }
    }

    record Step(String state, String by, Instant at, String reason) {
    }

    @GetMapping
    String queue(@RequestParam(name = "state", defaultValue = "SUBMITTED") String state,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String chosen = STATES.contains(state) ? state : "SUBMITTED";
        Page<Need> found = registry.getPage(UriComponentsBuilder.fromPath("/api/v1/needs").queryParam("state", chosen)
                .queryParam("page", Math.max(0, page)).queryParam("size", PAGE_SIZE).build().toUriString(), Need.class);
        model.addAttribute("needs", found);
        model.addAttribute("state", chosen);
        model.addAttribute("states", STATES);
        model.addAttribute("unitNames", units.namesOf(found.content().stream().map(Need::unitCode).toList()));
        return "needs/list";
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, @RequestParam(name = "q", required = false) String householdName, Model model) {
        Need need = registry.get("/api/v1/needs/" + Ids.of(id), Need.class);
        model.addAttribute("need", need);
        model.addAttribute("unitName", units.nameOf(need.unitCode()));
        String name = householdName == null ? need.fullName() : householdName;
        model.addAttribute("q", name);
        if ("VERIFIED".equals(need.state())) {
            // Households of the need's commune with a name like the resident's: the one to link, if registered.
            model.addAttribute("matches", households.named(need.unitCode(), name, 10));
        }
        return "needs/view";
    }

    @PostMapping("/{id}/verify")
    String verify(@PathVariable String id, @RequestParam(name = "reason", defaultValue = "") String note,
                  RedirectAttributes redirect) {
        return decide(id, "verify", note.isBlank() ? Map.of() : Map.of("reason", note), "needs.verified", redirect);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable String id, @RequestParam(name = "householdId", defaultValue = "") String householdId,
                   RedirectAttributes redirect) {
        if (householdId.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("needs.approve.choose"));
            return "redirect:/needs/" + Ids.of(id);
        }
        return decide(id, "approve", Map.of("householdId", householdId), "needs.approved", redirect);
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable String id, @RequestParam(name = "reason", defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("needs.reject.reason-required"));
            return "redirect:/needs/" + Ids.of(id) + "#reject";
        }
        return decide(id, "reject", Map.of("reason", reason.trim()), "needs.rejected", redirect);
    }

    private String decide(String id, String action, Map<String, String> body, String doneKey, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of(doneKey), () -> registry.post("/api/v1/needs/" + Ids.of(id) + "/" + action, body));
        return "redirect:/needs/" + Ids.of(id);
    }


}
