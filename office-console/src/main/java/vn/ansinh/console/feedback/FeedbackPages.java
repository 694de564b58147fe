package vn.ansinh.console.feedback;

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

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.Flash;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * Residents' feedback for the office of its area: the queue by state with what is overdue first and
 * counted, one piece with what the resident wrote, and the handling — give it to an officer, link the
 * household it is about, answer the resident, close it.
 */
@Controller
@RequestMapping("/feedback")
class FeedbackPages {

    static final List<String> STATES = List.of("RECEIVED", "ASSIGNED", "ANSWERED", "CLOSED");
    private static final String OVERDUE = "OVERDUE";
    private static final int PAGE_SIZE = 20;

    private final ServiceApi registry;
    private final AdminUnits units;
    private final HouseholdDirectory households;
    private final PageText text;

    FeedbackPages(ServiceApis services, AdminUnits units, HouseholdDirectory households, PageText text) {
        this.registry = services.registry();
        this.units = units;
        this.households = households;
        this.text = text;
    }

    record Feedback(String id, String trackingCode, String kind, String unitCode, String hamlet, String message, String phone,
                    String state, boolean overdue, Instant deadline, String assignee, String householdId, String campaignId,
                    String deliveryId, String answer, Instant answeredAt, Instant closedAt, Instant submittedAt,
                    List<Step> history) {
        Feedback {
            history = history == null ? List.of() : history;
        }
    }

    record Step(String action, String by, Instant at, String note) {
    }

    /** @param view a state, or OVERDUE: past the deadline without an answer (the default when there are any) */
    @GetMapping
    String queue(@RequestParam(name = "view", required = false) String view, @RequestParam(name = "page", defaultValue = "0") int page,
                 Model model) {
        long overdue = registry.get("/api/v1/feedback?overdue=true&size=1", JsonNode.class).path("totalElements").asLong();
        String chosen = view == null ? (overdue > 0 ? OVERDUE : "RECEIVED")
                : STATES.contains(view) || OVERDUE.equals(view) ? view : "RECEIVED";
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/feedback").queryParam("page", Math.max(0, page))
                .queryParam("size", PAGE_SIZE);
        if (OVERDUE.equals(chosen)) {
            uri.queryParam("overdue", true);
        } else {
            uri.queryParam("state", chosen);
        }
        Page<Feedback> found = registry.getPage(uri.build().toUriString(), Feedback.class);
        model.addAttribute("feedback", found);
        model.addAttribute("view", chosen);
        model.addAttribute("states", STATES);
        model.addAttribute("overdueCount", overdue);
        model.addAttribute("unitNames", units.namesOf(found.content().stream().map(Feedback::unitCode).toList()));
        return "feedback/list";
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, @RequestParam(name = "q", required = false) String householdName, Model model) {
        Feedback item = registry.get("/api/v1/feedback/" + Ids.of(id), Feedback.class);
        model.addAttribute("item", item);
        model.addAttribute("unitName", units.nameOf(item.unitCode()));
        model.addAttribute("q", householdName == null ? "" : householdName);
        model.addAttribute("householdName", null);
        if (item.householdId() != null) {
            try {
                model.addAttribute("householdName", registry.get("/api/v1/households/" + Ids.of(item.householdId()), JsonNode.class)
                        .path("headName").asString(null));
            } catch (ApiRefusal gone) {
                // Linked, then moved out of the area: the id stays shown.
            }
        }
        if (householdName != null && !householdName.isBlank()) {
            // Households of the feedback's commune with that name: the one the resident wrote about, if registered.
            model.addAttribute("matches", households.named(item.unitCode(), householdName, 10));
        }
        return "feedback/view";
    }

    @PostMapping("/{id}/assign")
    String assign(@PathVariable String id, @RequestParam(name = "assignee", defaultValue = "") String assignee,
                  RedirectAttributes redirect) {
        if (assignee.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("feedback.assign.required"));
            return "redirect:/feedback/" + Ids.of(id);
        }
        return act(id, "assign", Map.of("assignee", assignee.trim().toLowerCase(java.util.Locale.ROOT)), "feedback.assigned", redirect);
    }

    @PostMapping("/{id}/link")
    String link(@PathVariable String id, @RequestParam(name = "householdId", defaultValue = "") String householdId,
                RedirectAttributes redirect) {
        if (householdId.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("feedback.link.choose"));
            return "redirect:/feedback/" + Ids.of(id);
        }
        return act(id, "link", Map.of("householdId", householdId), "feedback.linked", redirect);
    }

    @PostMapping("/{id}/answer")
    String answer(@PathVariable String id, @RequestParam(name = "answer", defaultValue = "") String answer,
                  RedirectAttributes redirect) {
        if (answer.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("feedback.answer.required"));
            return "redirect:/feedback/" + Ids.of(id) + "#answer";
        }
        return act(id, "answer", Map.of("answer", answer.trim()), "feedback.answered", redirect);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable String id, @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirect) {
        return act(id, "close", note.isBlank() ? Map.of() : Map.of("note", note.trim()), "feedback.closed", redirect);
    }

    private String act(String id, String action, Map<String, String> body, String doneKey, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of(doneKey), () -> registry.post("/api/v1/feedback/" + Ids.of(id) + "/" + action, body));
        return "redirect:/feedback/" + Ids.of(id);
    }
}
