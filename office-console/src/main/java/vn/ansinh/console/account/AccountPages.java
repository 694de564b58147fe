package vn.ansinh.console.account;

import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.web.util.UriComponentsBuilder;

import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.organisation.Organisations;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.PageText;

/**
 * A district approver manages its staff's accounts (an administrator everyone's): create one (the
 * person then chooses a password with a one-time code handed to them), change roles or office,
 * disable, enable, reset. The issuer decides who may administer whom.
 */
@Controller
@RequestMapping("/accounts")
class AccountPages {

    static final List<String> ROLES = List.of("OFFICER", "APPROVER", "AUDITOR", "ADMIN");

    private final ServiceApi issuer;
    private final AdminUnits units;
    private final Organisations organisations;
    private final PageText text;

    AccountPages(ServiceApis services, AdminUnits units, Organisations organisations, PageText text) {
        this.issuer = services.issuer();
        this.units = units;
        this.organisations = organisations;
        this.text = text;
    }

    record Account(String username, String name, String office, List<String> roles, String status, Instant lockedUntil,
                   Instant createdAt, String createdBy, Instant passwordSetAt, String organisation) {
        Account {
            roles = roles == null ? List.of() : roles;
        }
    }

    record WithSetupCode(Account account, String setupCode, Instant setupCodeExpiresAt) {
    }

    @GetMapping
    String list(@RequestParam(name = "q", defaultValue = "") String search, @RequestParam(name = "page", defaultValue = "0") int page,
                Model model) {
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/v1/users").queryParam("page", Math.max(0, page))
                .queryParam("size", 50);
        if (!search.isBlank()) {
            query.queryParam("q", search.trim());
        }
        Page<Account> accounts = issuer.getPage(query.encode().build().toUriString(), Account.class);
        model.addAttribute("accounts", accounts);
        model.addAttribute("q", search);
        model.addAttribute("unitNames", units.namesOf(accounts.content().stream().map(Account::office)
                .filter(office -> !"VN".equals(office)).toList()));
        return "accounts/list";
    }

    @GetMapping("/new")
    String newAccount(@ModelAttribute("person") SignedInPerson person, Model model) {
        return form(Map.of("username", "", "name", "", "office", person.office(), "organisation", ""), List.of("OFFICER"), FormErrors.none(),
                person, model);
    }

    @PostMapping("/new")
    String create(@RequestParam(name = "username", defaultValue = "") String username,
                  @RequestParam(name = "name", defaultValue = "") String name,
                  @RequestParam(name = "office", defaultValue = "") String office,
                  @RequestParam(name = "roles", required = false) List<String> roles,
                  @RequestParam(name = "organisation", defaultValue = "") String organisation,
                  @ModelAttribute("person") SignedInPerson person, Model model) {
        List<String> chosen = roles == null ? List.of() : roles.stream().filter(ROLES::contains).toList();
        Map<String, String> values = Map.of("username", username, "name", name, "office", office, "organisation", organisation);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("username", username.trim());
        request.put("name", name.trim());
        request.put("office", office);
        request.put("roles", chosen);
        // A person of an organisation gives accounts of that organisation: the issuer puts them there itself.
        if (!person.isForOrganisation() && !organisation.isBlank()) {
            if (!organisations.namesOf(office).containsKey(organisation)) {
                return form(values, chosen, FormErrors.of(Map.of("organisation", text.of("accounts.organisation.unknown")),
                        text.of("form.errors.title")), person, model);
            }
            request.put("organisation", organisation);
        }
        try {
            WithSetupCode created = issuer.post("/api/v1/users", request, WithSetupCode.class);
            model.addAttribute("created", created);
            model.addAttribute("officeName", officeName(created.account().office()));
            return "accounts/code";
        } catch (ApiRefusal refused) {
            return form(values, chosen, FormErrors.of(refused), person, model);
        }
    }

    private String form(Map<String, String> values, List<String> roles, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("values", values);
        model.addAttribute("chosenRoles", roles);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", person.isAdmin() ? ROLES : person.roles());
        model.addAttribute("offices", offices(person));
        model.addAttribute("organisations", person.isForOrganisation() ? Map.of() : organisations.namesOf(person.office()));
        model.addAttribute("ownOrganisation", organisationName(person.office(), person.organisation()));
        return "accounts/new";
    }

    /** The offices an approver gives accounts in: their own, and the units below it. */
    private Map<String, String> offices(SignedInPerson person) {
        Map<String, String> offices = new LinkedHashMap<>();
        if (person.isNational()) {
            offices.put("VN", text.of("office.national"));
        } else {
            offices.put(person.office(), units.nameOf(person.office()));
        }
        units.communesOf(person.office()).forEach(group -> group.units().forEach(unit -> offices.put(unit.code(), unit.name())));
        return offices;
    }

    @GetMapping("/{username}")
    String view(@PathVariable String username, @ModelAttribute("person") SignedInPerson person, Model model) {
        Account account = issuer.get("/api/v1/users/" + name(username), Account.class);
        model.addAttribute("account", account);
        model.addAttribute("officeName", officeName(account.office()));
        model.addAttribute("organisationName", organisationName(account.office(), account.organisation()));
        model.addAttribute("organisations", person.isForOrganisation() ? Map.of() : organisations.namesOf(account.office()));
        model.addAttribute("roles", person.isAdmin() ? ROLES : person.roles());
        return "accounts/view";
    }

    /** The organisation the person acts for from now on; none: the office itself again. */
    @PostMapping("/{username}/organisation")
    String changeOrganisation(@PathVariable String username, @RequestParam(name = "organisation", defaultValue = "") String organisation,
                              RedirectAttributes redirect) {
        return act(username, () -> issuer.patch("/api/v1/users/" + name(username), Map.of("organisation", organisation.trim())),
                "accounts.changed", redirect);
    }

    private String organisationName(String office, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return organisations.namesOf(office).getOrDefault(code, code);
    }

    @PostMapping("/{username}/roles")
    String changeRoles(@PathVariable String username, @RequestParam(name = "roles", required = false) List<String> roles,
                       RedirectAttributes redirect) {
        List<String> chosen = roles == null ? List.of() : new ArrayList<>(roles.stream().filter(ROLES::contains).toList());
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("problem", text.of("accounts.roles.required"));
            return "redirect:/accounts/" + name(username);
        }
        return act(username, () -> issuer.patch("/api/v1/users/" + name(username), Map.of("roles", chosen)), "accounts.changed", redirect);
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, () -> issuer.post("/api/v1/users/" + name(username) + "/disable", Map.of()), "accounts.disabled", redirect);
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, () -> issuer.post("/api/v1/users/" + name(username) + "/enable", Map.of()), "accounts.enabled", redirect);
    }

    @PostMapping("/{username}/reset")
    String reset(@PathVariable String username, Model model) {
        WithSetupCode reset = issuer.post("/api/v1/users/" + name(username) + "/reset", Map.of(), WithSetupCode.class);
        model.addAttribute("created", reset);
        model.addAttribute("officeName", officeName(reset.account().office()));
        model.addAttribute("wasReset", true);
        return "accounts/code";
    }

    private String act(String username, Runnable action, String doneKey, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", text.of(doneKey));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/accounts/" + name(username);
    }

    private String officeName(String office) {
        return "VN".equals(office) ? text.of("office.national") : units.nameOf(office);
    }


    private static String name(String username) {
        return username.replaceAll("[^A-Za-z0-9._-]", "");
    }
}
