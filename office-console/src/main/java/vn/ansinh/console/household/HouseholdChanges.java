package vn.ansinh.console.household;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Ids;

/**
 * What happens to a household after it is registered: its details corrected, its poverty status
 * changed from a date (the history is kept), a move to another unit, or taken off the active lists
 * (moved away, deceased). Each with the date it takes effect and, where the registry asks, a reason.
 */
@Controller
@RequestMapping("/households/{id}")
class HouseholdChanges {

    private final ServiceApi registry;
    private final AdminUnits units;
    private final PageText text;

    HouseholdChanges(ServiceApis services, AdminUnits units, PageText text) {
        this.registry = services.registry();
        this.units = units;
        this.text = text;
    }

    @GetMapping("/edit")
    String edit(@PathVariable String id, @ModelAttribute("person") SignedInPerson person, Model model) {
        Households.Household household = registry.get("/api/v1/households/" + Ids.of(id), Households.Household.class);
        return form(household, HouseholdForm.of(household), FormErrors.none(), person, model);
    }

    @PostMapping("/edit")
    String save(@PathVariable String id, @ModelAttribute("household") HouseholdForm form,
                @RequestParam(name = "addMember", required = false) String addMember,
                @ModelAttribute("person") SignedInPerson person, Model model, RedirectAttributes redirect) {
        Households.Household household = registry.get("/api/v1/households/" + Ids.of(id), Households.Household.class);
        if (addMember != null) {
            form.addMember();
            return form(household, form, FormErrors.none(), person, model);
        }
        HouseholdForm.Converted converted = form.toRequest(text.of("form.date.invalid"));
        if (!converted.problems().isEmpty()) {
            return form(household, form, FormErrors.of(converted.problems(), text.of("form.errors.title")), person, model);
        }
        Map<String, Object> request = converted.request();
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) request.get("address");
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("headName", request.get("headName"));
        change.put("members", request.get("members"));
        change.put("phone", request.get("phone"));
        change.put("categories", request.get("categories"));
        change.put("hamlet", address.get("hamlet"));
        change.put("street", address.get("street"));
        try {
            registry.patch("/api/v1/households/" + Ids.of(id), change);
        } catch (ApiRefusal refused) {
            return form(household, form, FormErrors.of(refused), person, model);
        }
        redirect.addFlashAttribute("notice", text.of("household.changes.saved"));
        return "redirect:/households/" + Ids.of(id);
    }

    private String form(Households.Household household, HouseholdForm form, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("existing", household);
        model.addAttribute("household", form);
        model.addAttribute("errors", errors);
        model.addAttribute("unitName", units.nameOf(household.address().unitCode()));
        model.addAttribute("categories", Households.CATEGORIES);
        model.addAttribute("relations", Households.RELATIONS);
        model.addAttribute("memberKinds", vn.ansinh.console.web.Vocabulary.MEMBER_KINDS);
        return "households/edit";
    }

    @PostMapping("/poverty-status")
    String povertyStatus(@PathVariable String id, @RequestParam("status") String status, @RequestParam("effectiveFrom") String from,
                         @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("effectiveFrom", day(from));
        body.put("reason", reason.trim());
        return act(id, "poverty-status", body, "household.changes.status-changed", redirect);
    }

    @PostMapping("/move")
    String move(@PathVariable String id, @RequestParam("unitCode") String unitCode,
                @RequestParam(name = "otherUnitCode", defaultValue = "") String otherUnitCode,
                @RequestParam(name = "hamlet", defaultValue = "") String hamlet, @RequestParam(name = "street", defaultValue = "") String street,
                @RequestParam("effectiveFrom") String from, @RequestParam(name = "reason", defaultValue = "") String reason,
                RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", otherUnitCode.isBlank() ? unitCode : otherUnitCode.trim());
        body.put("hamlet", hamlet.isBlank() ? null : hamlet.trim());
        body.put("street", street.isBlank() ? null : street.trim());
        body.put("effectiveFrom", day(from));
        body.put("reason", reason.trim());
        return act(id, "move", body, "household.changes.moved", redirect);
    }

    @PostMapping("/deactivate")
    String deactivate(@PathVariable String id, @RequestParam("reason") String reason, @RequestParam("effectiveFrom") String from,
                      @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", List.of("MOVED_AWAY", "DECEASED").contains(reason) ? reason : null);
        body.put("effectiveFrom", day(from));
        body.put("note", note.isBlank() ? null : note.trim());
        return act(id, "deactivate", body, "household.changes.deactivated", redirect);
    }

    /** A date typed dd/MM/yyyy; one that is not a date is sent as nothing, and the registry says which field. */
    private static LocalDate day(String typed) {
        try {
            return vn.ansinh.console.web.Formats.parseDay(typed);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private String act(String id, String action, Map<String, Object> body, String doneKey, RedirectAttributes redirect) {
        try {
            registry.post("/api/v1/households/" + Ids.of(id) + "/" + action, body);
            redirect.addFlashAttribute("notice", text.of(doneKey));
        } catch (ApiRefusal refused) {
            StringBuilder problem = new StringBuilder(refused.explanation());
            refused.fields().forEach(field -> problem.append(' ').append(text.of("household.field." + field.field())).append(": ")
                    .append(field.message()).append('.'));
            redirect.addFlashAttribute("problem", problem.toString());
        }
        return "redirect:/households/" + Ids.of(id);
    }


}
