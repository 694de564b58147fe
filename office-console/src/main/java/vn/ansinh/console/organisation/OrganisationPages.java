package vn.ansinh.console.organisation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Ids;

/**
 * The office's organisations (its Fatherland Front committee, Women's Union, Youth Union...): the list, and
 * registering one, which only an approver or administrator of the office itself may do. And the office's
 * public statement: its money over a period, the office's own funds and each organisation's, in total.
 */
@Controller
class OrganisationPages {

    /** The codes donation-service takes: capitals, digits and hyphens, as on the organisation's papers. */
    private static final String CODE = "[A-Z0-9][A-Z0-9-]{1,19}";

    private final Organisations organisations;
    private final ServiceApi donation;
    private final AdminUnits units;
    private final PageText text;

    OrganisationPages(Organisations organisations, ServiceApis services, AdminUnits units, PageText text) {
        this.organisations = organisations;
        this.donation = services.donation();
        this.units = units;
        this.text = text;
    }

    @GetMapping("/organisations")
    String list(@ModelAttribute("person") SignedInPerson person, Model model) {
        model.addAttribute("organisations", person.isNational() ? java.util.List.of() : organisations.of(person.office()));
        model.addAttribute("officeName", person.isNational() ? text.of("office.national") : units.nameOf(person.office()));
        model.addAttribute("mayRegister", mayRegister(person));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("values", Map.of("code", "", "name", ""));
        }
        return "organisations/list";
    }

    /** Approvers and administrators of a commune or district office itself: not national, not acting for one organisation. */
    private static boolean mayRegister(SignedInPerson person) {
        return (person.isApprover() || person.isAdmin()) && !person.isNational() && !person.isForOrganisation();
    }

    @PostMapping("/organisations")
    String register(@RequestParam(name = "code", defaultValue = "") String code, @RequestParam(name = "name", defaultValue = "") String name,
                    @ModelAttribute("person") SignedInPerson person, Model model, RedirectAttributes redirect) {
        // Codes are written in capitals on the organisation's papers; typed in lower case they mean the same.
        String typedCode = code.trim().toUpperCase(java.util.Locale.ROOT);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!typedCode.matches(CODE)) {
            problems.put("code", text.of("organisations.code.invalid"));
        }
        if (name.isBlank()) {
            problems.put("name", text.of("organisations.name.required"));
        }
        try {
            if (problems.isEmpty()) {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("officeUnitCode", person.office());
                request.put("code", typedCode);
                request.put("name", name.trim());
                donation.post("/api/v1/organisations", request);
                redirect.addFlashAttribute("notice", text.of("organisations.registered", name.trim()));
                return "redirect:/organisations";
            }
            model.addAttribute("errors", FormErrors.of(problems, text.of("form.errors.title")));
        } catch (ApiRefusal refused) {
            model.addAttribute("errors", FormErrors.of(refused));
        }
        model.addAttribute("values", Map.of("code", code, "name", name));
        return list(person, model);
    }

    /**
     * PUBLIC: an office's money over a period, part by part (the office's own funds, then each organisation's)
     * and in total, for anyone to read; each fund links to its own statement with the lines.
     */
    @GetMapping("/public/offices/{unitCode}/statement")
    String statement(@PathVariable String unitCode, @RequestParam(name = "from", defaultValue = "") String from,
                     @RequestParam(name = "to", defaultValue = "") String to,
                     @RequestParam(name = "organisationCode", defaultValue = "") String organisationCode,
                     HttpServletRequest request, Model model) {
        String office = Ids.unit(unitCode);
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/v1/public/offices/{unit}/statement");
        LocalDate fromDay = day(from, model);
        LocalDate toDay = day(to, model);
        if (fromDay != null) {
            query.queryParam("from", fromDay);
        }
        if (toDay != null) {
            query.queryParam("to", toDay);
        }
        String organisation = organisationCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (organisation.matches(CODE)) {
            query.queryParam("organisationCode", organisation);
            model.addAttribute("organisationCode", organisation);
        }
        JsonNode statement = donation.callPublic("GET", query.buildAndExpand(office).toUriString(), null, request.getRemoteAddr(),
                JsonNode.class);
        model.addAttribute("statement", statement);
        model.addAttribute("officeName", units.publicName(statement.path("officeUnitCode").asString(office), request.getRemoteAddr()));
        model.addAttribute("from", fromDay);
        model.addAttribute("to", toDay);
        return "organisations/statement";
    }

    /** A day from the browser's date field (yyyy-MM-dd); a malformed one is said so and left out. */
    private LocalDate day(String typed, Model model) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.trim());
        } catch (DateTimeParseException notADay) {
            model.addAttribute("problem", text.of("organisations.statement.date.invalid"));
            return null;
        }
    }
}
