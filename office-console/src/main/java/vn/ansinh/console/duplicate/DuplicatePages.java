package vn.ansinh.console.duplicate;

import java.time.Instant;
import java.util.ArrayList;
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

import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Ids;

/**
 * The queue of possible duplicates: both households side by side with why they match; an approver
 * merges them (choosing which to keep) or marks them as two families. A household of another office
 * shows as its unit only, as the registry answers.
 */
@Controller
@RequestMapping("/duplicates")
class DuplicatePages {

    static final List<String> STATES = List.of("OPEN", "MERGED", "NOT_DUPLICATE");

    private final ServiceApi registry;
    private final HouseholdDirectory households;
    private final PageText text;

    DuplicatePages(ServiceApis services, HouseholdDirectory households, PageText text) {
        this.registry = services.registry();
        this.households = households;
        this.text = text;
    }

    record Case(String id, String state, double score, List<Reason> reasons, List<Side> households, Instant openedAt,
                String resolvedBy, Instant resolvedAt, String keptHouseholdId, Comparison comparison) {
        Case {
            reasons = reasons == null ? List.of() : reasons;
            households = households == null ? List.of() : households;
        }

        public int percent() {
            return (int) Math.round(score * 100);
        }
    }

    record Reason(String code, String text) {
    }

    /**
     * The registry's comparison of the two households as they are today: each field's level of
     * agreement and its weight in bits (+1 doubles the odds that they are one household, -1 halves
     * them), from the odds before looking ({@code priorWeight}).
     */
    record Comparison(double score, double priorWeight, List<Evidence> fields, List<MemberPair> matchedMembers) {
        Comparison {
            fields = fields == null ? List.of() : fields;
            matchedMembers = matchedMembers == null ? List.of() : matchedMembers;
        }

        /** The number (from 1) of the member on the other side who is member {@code member} of side {@code side}, or null. */
        Integer counterpart(int side, int member) {
            for (MemberPair pair : matchedMembers) {
                if (side == 0 && pair.first() == member) {
                    return pair.second() + 1;
                }
                if (side == 1 && pair.second() == member) {
                    return pair.first() + 1;
                }
            }
            return null;
        }

        public double total() {
            return Math.round((priorWeight + fields.stream().mapToDouble(Evidence::weight).sum()) * 10) / 10.0;
        }

        public int percent() {
            return (int) Math.round(score * 100);
        }

        public String signedPrior(java.util.Locale locale) {
            return signed(priorWeight, locale);
        }

        public String signedTotal(java.util.Locale locale) {
            return signed(total(), locale);
        }
    }

    record Evidence(String field, String level, double weight) {
        public String signed(java.util.Locale locale) {
            return DuplicatePages.signed(weight, locale);
        }

        public boolean forMatch() {
            return weight > 0;
        }
    }

    record MemberPair(int first, int second) {
    }

    /** A weight as the page shows it: "+7,2", "−3,1" (a true minus sign), one decimal in the reader's language. */
    static String signed(double weight, java.util.Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return (weight > 0 ? "+" : weight < 0 ? "−" : "") + format.format(Math.abs(weight));
    }

    record Side(String householdId, String unitCode, String unitName, boolean inYourArea) {
    }

    @GetMapping
    String queue(@RequestParam(name = "state", defaultValue = "OPEN") String state,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String chosen = STATES.contains(state) ? state : "OPEN";
        Page<Case> cases = registry.getPage(UriComponentsBuilder.fromPath("/api/v1/duplicates").queryParam("state", chosen)
                .queryParam("page", Math.max(0, page)).queryParam("size", 20).build().toUriString(), Case.class);
        List<String> ids = new ArrayList<>();
        cases.content().forEach(c -> c.households().stream().filter(Side::inYourArea).forEach(side -> ids.add(side.householdId())));
        model.addAttribute("cases", cases);
        model.addAttribute("cards", households.cardsOf(ids));
        model.addAttribute("state", chosen);
        model.addAttribute("states", STATES);
        return "duplicates/list";
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, Model model) {
        Case duplicate = registry.get("/api/v1/duplicates/" + Ids.of(id), Case.class);
        model.addAttribute("duplicate", duplicate);
        Map<String, HouseholdDirectory.HouseholdCard> cards = households.cardsOf(duplicate.households().stream()
                .filter(Side::inYourArea).map(Side::householdId).toList());
        model.addAttribute("cards", cards);
        model.addAttribute("bothVisible", duplicate.households().stream().allMatch(Side::inYourArea));
        List<HouseholdDirectory.HouseholdCard> sides = duplicate.households().stream()
                .map(side -> side.inYourArea() ? cards.get(side.householdId()) : null).toList();
        model.addAttribute("rows", CaseComparison.rows(duplicate.comparison(), sides));
        model.addAttribute("samePhone", CaseComparison.samePhone(sides));
        return "duplicates/view";
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable String id, @RequestParam("decision") String decision,
                   @RequestParam(name = "keep", defaultValue = "") String keep, RedirectAttributes redirect) {
        if (!List.of("MERGE", "NOT_DUPLICATE").contains(decision)) {
            redirect.addFlashAttribute("problem", text.of("duplicates.decision.unknown"));
            return "redirect:/duplicates/" + Ids.of(id);
        }
        try {
            registry.post("/api/v1/duplicates/" + Ids.of(id) + "/resolve", "MERGE".equals(decision) && !keep.isBlank()
                    ? Map.of("decision", decision, "keepHouseholdId", keep) : Map.of("decision", decision));
            redirect.addFlashAttribute("notice", text.of("MERGE".equals(decision) ? "duplicates.merged" : "duplicates.kept-apart"));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/duplicates/" + Ids.of(id);
    }


}
