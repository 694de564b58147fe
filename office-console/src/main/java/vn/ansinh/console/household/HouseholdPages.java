package vn.ansinh.console.household;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * Households: search, registration (possible duplicates shown before saving, "check your answers"
 * style), and one household with its history.
 */
@Controller
@RequestMapping("/households")
class HouseholdPages {

    static final String DRAFT = "household-draft";
    private static final int PAGE_SIZE = 20;

    private final ServiceApi registry;
    private final AdminUnits units;
    private final PageText text;

    HouseholdPages(ServiceApis services, AdminUnits units, PageText text) {
        this.registry = services.registry();
        this.units = units;
        this.text = text;
    }

    @GetMapping
    String search(@RequestParam(name = "q", defaultValue = "") String name,
                  @RequestParam(name = "category", defaultValue = "") String category,
                  @RequestParam(name = "unit", defaultValue = "") String unit,
                  @RequestParam(name = "page", defaultValue = "0") int page,
                  @ModelAttribute("person") SignedInPerson person, Model model) {
        int pageNumber = Math.max(0, page);
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/v1/households")
                .queryParam("page", pageNumber).queryParam("size", PAGE_SIZE);
        if (!name.isBlank()) {
            query.queryParam("q", name.trim());
        }
        if (Households.CATEGORIES.contains(category)) {
            query.queryParam("category", category);
        }
        if (unit.matches("[0-9]{1,6}")) {
            query.queryParam("unit", unit);
        }
        Page<Households.Household> found = registry.getPage(query.encode().build().toUriString(), Households.Household.class);
        model.addAttribute("households", found);
        model.addAttribute("q", name);
        model.addAttribute("category", category);
        model.addAttribute("unit", unit);
        model.addAttribute("categories", Households.CATEGORIES);
        model.addAttribute("units", units.below(person.office()));
        model.addAttribute("unitNames", units.namesOf(found.content().stream().map(h -> h.address().unitCode()).toList()));
        return "households/list";
    }

    @GetMapping("/new")
    String newHousehold(@RequestParam(name = "edit", defaultValue = "false") boolean edit,
                        @RequestParam(name = "fromNeed", required = false) String needId, HttpSession session,
                        @ModelAttribute("person") SignedInPerson person, Model model) {
        HouseholdForm form = edit && session.getAttribute(DRAFT) instanceof HouseholdForm draft ? draft : new HouseholdForm();
        if (needId != null && !edit) {
            JsonNode need = registry.get("/api/v1/needs/" + Ids.of(needId), JsonNode.class);
            form = HouseholdForm.fromNeed(need.path("id").asString(), need.path("fullName").asString(""),
                    need.path("phone").asString(""), need.path("unitCode").asString(""), need.path("hamlet").asString(""));
        }
        return form(form, FormErrors.none(), person, model);
    }

    /** "Thêm nhân khẩu" adds a row; "Tiếp tục" checks the form and looks for possible duplicates. */
    @PostMapping("/new")
    String check(@ModelAttribute("household") HouseholdForm form,
                 @RequestParam(name = "addMember", required = false) String addMember,
                 HttpSession session, @ModelAttribute("person") SignedInPerson person, Model model) {
        if (addMember != null) {
            form.addMember();
            return form(form, FormErrors.none(), person, model);
        }
        HouseholdForm.Converted converted = form.toRequest(text.of("form.date.invalid"));
        if (!converted.problems().isEmpty()) {
            return form(form, FormErrors.of(converted.problems(), text.of("form.errors.title")), person, model);
        }
        Households.DuplicateCheck check;
        try {
            check = registry.post("/api/v1/households/duplicate-check", converted.request(), Households.DuplicateCheck.class);
        } catch (ApiRefusal refused) {
            return form(form, FormErrors.of(refused), person, model);
        }
        session.setAttribute(DRAFT, form);
        model.addAttribute("household", form);
        model.addAttribute("candidates", check.duplicateCandidates());
        model.addAttribute("unitName", units.nameOf(form.getAddress().getUnitCode()));
        return "households/check";
    }

    /** Saves the household checked on the previous page. */
    @PostMapping("/register")
    String register(HttpSession session, RedirectAttributes redirect, @ModelAttribute("person") SignedInPerson person,
                    Model model) {
        if (!(session.getAttribute(DRAFT) instanceof HouseholdForm draft)) {
            return "redirect:/households/new";
        }
        JsonNode saved;
        try {
            saved = registry.post("/api/v1/households", draft.toRequest(text.of("form.date.invalid")).request());
        } catch (ApiRefusal refused) {
            return form(draft, FormErrors.of(refused), person, model);
        }
        session.removeAttribute(DRAFT);
        String householdId = saved.path("id").asString();
        if (!draft.getFromNeed().isBlank()) {
            // Registered from a resident's request: the request is approved with this household.
            try {
                registry.post("/api/v1/needs/" + draft.getFromNeed() + "/approve", java.util.Map.of("householdId", householdId));
                redirect.addFlashAttribute("notice", text.of("needs.approved-with-new-household"));
            } catch (ApiRefusal refused) {
                redirect.addFlashAttribute("problem", refused.explanation());
            }
            return "redirect:/needs/" + draft.getFromNeed();
        }
        redirect.addFlashAttribute("notice", text.of("households.registered"));
        return "redirect:/households/" + householdId;
    }

    @GetMapping("/{id:[A-Za-z0-9-]+}")
    String view(@PathVariable String id, @ModelAttribute("person") SignedInPerson person, Model model) {
        Households.Household household = registry.get("/api/v1/households/" + Ids.of(id), Households.Household.class);
        model.addAttribute("household", household);
        List<String> codes = new ArrayList<>();
        codes.add(household.address().unitCode());
        household.addressHistory().forEach(change -> {
            codes.add(change.from().unitCode());
            codes.add(change.to().unitCode());
        });
        household.mergedFrom().forEach(merged -> codes.add(merged.unitCode()));
        model.addAttribute("unitNames", units.namesOf(codes));
        if (person.isOfficer() && household.active()) {
            model.addAttribute("moveTargets", units.communesOf(person.office()));
            model.addAttribute("povertyStatuses", Households.POVERTY_STATUSES);
            model.addAttribute("today", vn.ansinh.console.web.Formats.typedDay(java.time.LocalDate.now(vn.ansinh.console.web.Formats.VIETNAM)));
        }
        return "households/view";
    }

    private String form(HouseholdForm form, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("household", form);
        model.addAttribute("errors", errors);
        model.addAttribute("units", units.communesOf(person.office()));
        model.addAttribute("categories", Households.CATEGORIES);
        model.addAttribute("povertyStatuses", Households.POVERTY_STATUSES);
        model.addAttribute("relations", Households.RELATIONS);
        model.addAttribute("memberKinds", vn.ansinh.console.web.Vocabulary.MEMBER_KINDS);
        return "households/new";
    }

}
