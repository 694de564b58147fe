package vn.ansinh.console.care;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.organisation.Organisations;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * What an office records of long-term care from a household's page: a sponsorship pledged to it, a house
 * approved for it; and the houses under way, each moved on to its next stage.
 */
@Controller
class CareForms {

    static final List<Integer> PERIODS = List.of(1, 3, 6, 12);

    private final ServiceApi distribution;
    private final AdminUnits units;
    private final Organisations organisations;
    private final PageText text;

    CareForms(ServiceApis services, AdminUnits units, Organisations organisations, PageText text) {
        this.distribution = services.distribution();
        this.units = units;
        this.organisations = organisations;
        this.text = text;
    }

    record House(String id, String householdId, String unitCode, String kind, String programme, String fundedBy, String twinningId,
                 long estimatedCost, Long cost, String stage, LocalDate approvedOn, LocalDate startedOn, LocalDate handedOverOn) {
    }

    /** Today in Việt Nam, as the forms' date fields take it. */
    static String today() {
        return LocalDate.now(Formats.VIETNAM).toString();
    }

    // Sponsorships

    @GetMapping("/care/sponsorships/new")
    String newSponsorship(@RequestParam(name = "household") String household, @ModelAttribute("person") SignedInPerson person, Model model) {
        return sponsorshipForm(Map.of("householdId", Ids.of(household), "everyMonths", "1", "startsOn", today()), FormErrors.none(),
                person, model);
    }

    @PostMapping("/care/sponsorships/new")
    String pledge(@RequestParam Map<String, String> form, @ModelAttribute("person") SignedInPerson person, Model model,
                  RedirectAttributes redirect) {
        Long amount = Formats.parseMoney(form.getOrDefault("amount", ""));
        if (amount == null || amount <= 0) {
            return sponsorshipForm(form, FormErrors.of(Map.of("amount", text.of("campaigns.form.money.invalid")), text.of("form.errors.title")),
                    person, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("officeUnitCode", person.office());
        request.put("organisationCode", blankAsNull(form.get("organisationCode")));
        request.put("householdId", Ids.of(form.getOrDefault("householdId", "")));
        String member = form.getOrDefault("memberNumber", "").trim();
        request.put("memberNumber", member.matches("\\d{1,2}") ? Integer.valueOf(member) : null);
        request.put("sponsor", form.getOrDefault("sponsor", "").trim());
        request.put("purpose", form.getOrDefault("purpose", "").trim());
        request.put("amount", amount);
        String every = form.getOrDefault("everyMonths", "1");
        request.put("everyMonths", every.matches("\\d{1,2}") ? Integer.valueOf(every) : 1);
        request.put("startsOn", blankAsNull(form.get("startsOn")));
        request.put("endsOn", blankAsNull(form.get("endsOn")));
        try {
            JsonNode pledged = distribution.post("/api/v1/sponsorships", request);
            redirect.addFlashAttribute("notice", text.of("care.pledged.done"));
            return "redirect:/care/sponsorships/" + pledged.path("id").asString();
        } catch (ApiRefusal refused) {
            return sponsorshipForm(form, FormErrors.of(refused), person, model);
        }
    }

    private String sponsorshipForm(Map<String, String> values, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("organisations", person.isForOrganisation() ? Map.of() : organisations.namesOf(person.office()));
        return "care/sponsorship-new";
    }

    // Houses

    @GetMapping("/care/houses/new")
    String newHouse(@RequestParam(name = "household") String household, @ModelAttribute("person") SignedInPerson person, Model model) {
        return houseForm(Map.of("householdId", Ids.of(household), "kind", "BUILD", "programme", text.of("care.house.programme.default"),
                "approvedOn", today()), FormErrors.none(), person, model);
    }

    @PostMapping("/care/houses/new")
    String approveHouse(@RequestParam Map<String, String> form, @ModelAttribute("person") SignedInPerson person, Model model,
                        RedirectAttributes redirect) {
        Long estimated = Formats.parseMoney(form.getOrDefault("estimatedCost", ""));
        if (estimated == null || estimated < 0) {
            return houseForm(form, FormErrors.of(Map.of("estimatedCost", text.of("campaigns.form.money.invalid")),
                    text.of("form.errors.title")), person, model);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("officeUnitCode", person.office());
        request.put("organisationCode", blankAsNull(form.get("organisationCode")));
        request.put("householdId", Ids.of(form.getOrDefault("householdId", "")));
        request.put("kind", "REPAIR".equals(form.get("kind")) ? "REPAIR" : "BUILD");
        request.put("programme", blankAsNull(form.get("programme")));
        request.put("fundedBy", blankAsNull(form.get("fundedBy")));
        request.put("twinningId", blankAsNull(form.get("twinningId")));
        request.put("estimatedCost", estimated);
        request.put("approvedOn", blankAsNull(form.get("approvedOn")));
        try {
            distribution.post("/api/v1/houses", request);
            redirect.addFlashAttribute("notice", text.of("care.house.approved"));
            return "redirect:/care/houses";
        } catch (ApiRefusal refused) {
            return houseForm(form, FormErrors.of(refused), person, model);
        }
    }

    private String houseForm(Map<String, String> values, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", person.isForOrganisation() ? Map.of() : organisations.namesOf(person.office()));
        Map<String, String> twinnings = new LinkedHashMap<>();
        try {
            for (JsonNode twinning : distribution.getList("/api/v1/twinnings", JsonNode.class)) {
                if ("ACTIVE".equals(twinning.path("state").asString())) {
                    twinnings.put(twinning.path("id").asString(), twinning.path("agency").asString() + " — " + twinning.path("village").asString());
                }
            }
        } catch (vn.ansinh.console.backend.ServiceUnavailableException | ApiRefusal unavailable) {
            // The form still works: the house is then built under no twinning.
        }
        model.addAttribute("twinnings", twinnings);
        return "care/house-new";
    }

    /** The houses under way with their next step, and those handed over this year. */
    @GetMapping("/care/houses")
    String houses(Model model) {
        List<House> all = distribution.getPage("/api/v1/houses?size=500", House.class).content();
        model.addAttribute("underway", all.stream().filter(house -> "APPROVED".equals(house.stage()) || "BUILDING".equals(house.stage()))
                .toList());
        int year = LocalDate.now(Formats.VIETNAM).getYear();
        model.addAttribute("handedOver", all.stream().filter(house -> house.handedOverOn() != null && house.handedOverOn().getYear() == year)
                .toList());
        model.addAttribute("unitNames", units.namesOf(all.stream().map(House::unitCode).toList()));
        model.addAttribute("today", today());
        return "care/houses";
    }

    @PostMapping("/care/houses/{id}/start")
    String start(@PathVariable String id, @RequestParam(name = "on", defaultValue = "") String on, RedirectAttributes redirect) {
        return step(id, "start", Map.of("on", on.isBlank() ? today() : on.trim()), "care.house.started", redirect);
    }

    @PostMapping("/care/houses/{id}/hand-over")
    String handOver(@PathVariable String id, @RequestParam(name = "on", defaultValue = "") String on,
                    @RequestParam(name = "cost", defaultValue = "") String cost, RedirectAttributes redirect) {
        Long money = Formats.parseMoney(cost);
        if (money == null || money <= 0) {
            redirect.addFlashAttribute("problem", text.of("care.house.cost.invalid"));
            return "redirect:/care/houses";
        }
        return step(id, "hand-over", Map.of("on", on.isBlank() ? today() : on.trim(), "cost", money), "care.house.handed", redirect);
    }

    /** Not to be built after all (the family moved away, the land is not theirs): an approver's decision, with the reason. */
    @PostMapping("/care/houses/{id}/cancel")
    String cancel(@PathVariable String id, @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("care.house.cancel.reason.required"));
            return "redirect:/care/houses";
        }
        return step(id, "cancel", Map.of("reason", reason.trim()), "care.house.cancelled", redirect);
    }

    private String step(String id, String step, Map<String, Object> body, String doneKey, RedirectAttributes redirect) {
        try {
            distribution.post("/api/v1/houses/" + Ids.of(id) + "/" + step, body);
            redirect.addFlashAttribute("notice", text.of(doneKey));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/care/houses";
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // Twinnings

    static final List<String> CONTRIBUTION_KINDS = List.of("GIFTS", "HEALTH_INSURANCE_CARDS", "CASH", "GOODS", "SCHOLARSHIPS", "OTHER");

    @GetMapping("/care/twinnings/new")
    String newTwinning(@ModelAttribute("person") SignedInPerson person, Model model) {
        return twinningForm(Map.of("since", today()), FormErrors.none(), person, model);
    }

    @PostMapping("/care/twinnings/new")
    String agree(@RequestParam Map<String, String> form, @ModelAttribute("person") SignedInPerson person, Model model,
                 RedirectAttributes redirect) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("officeUnitCode", person.office());
        request.put("organisationCode", blankAsNull(form.get("organisationCode")));
        request.put("agency", form.getOrDefault("agency", "").trim());
        request.put("unitCode", form.getOrDefault("unitCode", ""));
        request.put("village", form.getOrDefault("village", "").trim());
        request.put("since", blankAsNull(form.get("since")));
        try {
            JsonNode agreed = distribution.post("/api/v1/twinnings", request);
            redirect.addFlashAttribute("notice", text.of("care.twinning.agreed"));
            return "redirect:/care/twinnings/" + agreed.path("id").asString();
        } catch (ApiRefusal refused) {
            return twinningForm(form, FormErrors.of(refused), person, model);
        }
    }

    private String twinningForm(Map<String, String> values, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("communes", units.communesOf(person.office()));
        model.addAttribute("organisations", person.isForOrganisation() ? Map.of() : organisations.namesOf(person.office()));
        return "care/twinning-new";
    }

    /** The twinning ended (the agency was merged, the village reached its target): an approver's decision, with the reason. */
    @PostMapping("/care/twinnings/{id}/end")
    String endTwinning(@PathVariable String id, @RequestParam(name = "on", defaultValue = "") String on,
                       @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            distribution.post("/api/v1/twinnings/" + Ids.of(id) + "/end", Map.of("on", on.isBlank() ? today() : on.trim(),
                    "reason", reason.trim()));
            redirect.addFlashAttribute("notice", text.of("care.twinning.ended"));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/care/twinnings/" + Ids.of(id);
    }

    /** What the agency gave on a day, recorded from the twinning's page. */
    @PostMapping("/care/twinnings/{id}/contributions")
    String contribute(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Long value = Formats.parseMoney(form.getOrDefault("value", ""));
        if (value == null || value < 0) {
            redirect.addFlashAttribute("problem", text.of("care.contribution.value.invalid"));
            return "redirect:/care/twinnings/" + Ids.of(id);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", CONTRIBUTION_KINDS.contains(form.get("kind")) ? form.get("kind") : "OTHER");
        request.put("on", blankAsNull(form.get("on")) == null ? today() : form.get("on").trim());
        String quantity = form.getOrDefault("quantity", "").replace(".", "").trim();
        request.put("quantity", quantity.matches("\\d{1,8}") && !quantity.matches("0+") ? Long.valueOf(quantity) : null);
        request.put("value", value);
        request.put("description", blankAsNull(form.get("description")));
        try {
            distribution.post("/api/v1/twinnings/" + Ids.of(id) + "/contributions", request);
            redirect.addFlashAttribute("notice", text.of("care.contribution.recorded"));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/care/twinnings/" + Ids.of(id);
    }
}
