package vn.ansinh.console.campaign;

import java.util.ArrayList;
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

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.Section;
import vn.ansinh.console.backend.Service;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Ids;

/**
 * Campaigns from creation to close: the district creates one and generates its list, each commune
 * edits and submits its part, the district approves once every part is in (money and goods are then
 * reserved), follows progress by commune and the households not reached yet, and closes it.
 */
@Controller
@RequestMapping("/campaigns")
class CampaignPages {

    static final List<String> POVERTY_STATUSES = List.of("POOR", "NEAR_POOR", "RECENTLY_ESCAPED");
    private static final int PART_PAGE = 2000;

    private final ServiceApi distribution;
    private final ServiceApi donation;
    private final ServiceApi registry;
    private final ServiceApi reporting;
    private final AdminUnits units;
    private final HouseholdDirectory households;
    private final PageText text;
    private final vn.ansinh.console.web.Formats formats;
    private final vn.ansinh.console.organisation.Organisations organisations;

    CampaignPages(ServiceApis services, AdminUnits units, HouseholdDirectory households, PageText text,
                  vn.ansinh.console.web.Formats formats, vn.ansinh.console.organisation.Organisations organisations) {
        this.formats = formats;
        this.organisations = organisations;
        this.distribution = services.distribution();
        this.donation = services.donation();
        this.registry = services.registry();
        this.reporting = services.reporting();
        this.units = units;
        this.households = households;
        this.text = text;
    }

    @GetMapping
    String list(@RequestParam(name = "state", defaultValue = "") String state, @RequestParam(name = "page", defaultValue = "0") int page,
                Model model) {
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/v1/campaigns").queryParam("page", Math.max(0, page))
                .queryParam("size", 20);
        if (Campaigns.STATES.contains(state)) {
            query.queryParam("state", state);
        }
        Page<Campaigns.Campaign> found = distribution.getPage(query.build().toUriString(), Campaigns.Campaign.class);
        model.addAttribute("campaigns", found);
        model.addAttribute("state", state);
        model.addAttribute("states", Campaigns.STATES);
        model.addAttribute("unitNames", units.namesOf(found.content().stream().map(Campaigns.Campaign::officeUnitCode).toList()));
        return "campaigns/list";
    }

    @GetMapping("/new")
    String newCampaign(@ModelAttribute("person") SignedInPerson person, Model model) {
        return form(new CampaignForm(), FormErrors.none(), person, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("campaign") CampaignForm form, @ModelAttribute("person") SignedInPerson person, Model model,
                  RedirectAttributes redirect) {
        CampaignForm.Converted converted = form.toRequest(person.office(), Map.of("date", text.of("form.date.invalid"),
                "money", text.of("campaigns.form.money.invalid"), "quantity", text.of("campaigns.form.quantity.invalid")));
        if (!converted.problems().isEmpty()) {
            return form(form, FormErrors.of(converted.problems(), text.of("form.errors.title")), person, model);
        }
        JsonNode created;
        try {
            created = distribution.post("/api/v1/campaigns", converted.request());
        } catch (ApiRefusal refused) {
            return form(form, FormErrors.of(refused), person, model);
        }
        redirect.addFlashAttribute("notice", text.of("campaigns.created"));
        return "redirect:/campaigns/" + created.path("id").asString();
    }

    private String form(CampaignForm form, FormErrors errors, SignedInPerson person, Model model) {
        model.addAttribute("campaign", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", person.isForOrganisation() ? Map.of() : organisations.namesOf(person.office()));
        model.addAttribute("targets", units.communesOf(person.office()));
        model.addAttribute("categories", vn.ansinh.console.web.Vocabulary.CATEGORIES);
        model.addAttribute("povertyStatuses", POVERTY_STATUSES);
        model.addAttribute("needKinds", vn.ansinh.console.web.Vocabulary.NEED_KINDS);
        model.addAttribute("memberKinds", vn.ansinh.console.web.Vocabulary.MEMBER_KINDS);
        model.addAttribute("funds", Section.load(Service.DONATION, () -> donation.getPage(UriComponentsBuilder
                .fromPath("/api/v1/funds").queryParam("officeUnitCode", person.office()).queryParam("size", 200).build()
                .toUriString(), Campaigns.Fund.class).content()));
        model.addAttribute("stock", Section.load(Service.DONATION, () -> donation.getList(UriComponentsBuilder
                .fromPath("/api/v1/stock").queryParam("officeUnitCode", person.office()).build().toUriString(), Campaigns.Stock.class)));
        return "campaigns/new";
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, Model model) {
        Campaigns.Campaign campaign = campaign(id);
        model.addAttribute("campaign", campaign);
        Section<Campaigns.Progress> progress = Section.load(Service.DISTRIBUTION, () -> distribution.get(
                "/api/v1/campaigns/" + campaign.id() + "/progress", Campaigns.Progress.class));
        model.addAttribute("progress", progress);
        java.util.Map<String, Campaigns.UnitProgress> byUnit = new java.util.HashMap<>();
        if (progress.available()) {
            progress.content().byUnit().forEach(unit -> byUnit.put(unit.unitCode(), unit));
        }
        model.addAttribute("progressByUnit", byUnit);
        List<String> codes = new ArrayList<>(campaign.targetUnitCodes());
        codes.add(campaign.officeUnitCode());
        model.addAttribute("unitNames", units.namesOf(codes));
        model.addAttribute("waitingNames", campaign.partsWaiting().stream().map(part -> units.nameOf(part.unitCode())).toList());
        Section<List<Campaigns.Campaign>> rounds = Section.load(Service.DISTRIBUTION, () -> distribution.getList(
                "/api/v1/campaigns/" + campaign.id() + "/rounds", Campaigns.Campaign.class));
        model.addAttribute("rounds", rounds);
        model.addAttribute("latestRound", !rounds.available() || rounds.content().stream().allMatch(r -> r.round() <= campaign.round()));
        if (rounds.available() && rounds.content().size() > 1) {
            model.addAttribute("programme", Section.load(Service.REPORTING, () -> programmeReport(campaign.programmeId())));
        }
        if (campaign.benefit() != null && campaign.benefit().cash() != null && campaign.benefit().cash().fundId() != null) {
            model.addAttribute("fund", Section.load(Service.DONATION, () -> donation.get(
                    "/api/v1/funds/" + campaign.benefit().cash().fundId(), Campaigns.Fund.class)));
        }
        return "campaigns/view";
    }

    /** The programme's totals over its approved rounds; null while no round of it is approved (reporting knows none). */
    private Campaigns.ProgrammeReport programmeReport(String programmeId) {
        try {
            return reporting.get("/api/v1/reports/programmes/" + Ids.of(programmeId), Campaigns.ProgrammeReport.class);
        } catch (ApiRefusal noneApprovedYet) {
            return null;
        }
    }

    /** Opens the programme's next round after this one, its list carried over, and shows it. */
    @PostMapping("/{id}/rounds")
    String openRound(@PathVariable String id, RedirectAttributes redirect) {
        try {
            JsonNode next = distribution.post("/api/v1/campaigns/" + Ids.of(id) + "/rounds", Map.of());
            redirect.addFlashAttribute("notice", text.of("campaigns.round.opened", next.path("round").asInt()));
            return "redirect:/campaigns/" + Ids.of(next.path("id").asString());
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
            return "redirect:/campaigns/" + Ids.of(id);
        }
    }

    @PostMapping("/{id}/generate")
    String generate(@PathVariable String id, RedirectAttributes redirect) {
        try {
            Campaigns.Generated generated = distribution.post("/api/v1/campaigns/" + Ids.of(id) + "/entitlements/generate",
                    Map.of(), Campaigns.Generated.class);
            redirect.addFlashAttribute("notice", text.of("campaigns.generated", generated.added(), generated.alreadyServedElsewhere())
                    + (generated.nothingToReceive() > 0 ? " " + text.of("campaigns.generated.nothingToReceive", generated.nothingToReceive()) : ""));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/campaigns/" + Ids.of(id);
    }

    /** One commune's part of the list: who is on it, with names; add and remove with a reason; submit. */
    @GetMapping("/{id}/parts/{unit}")
    String part(@PathVariable String id, @PathVariable String unit, @RequestParam(name = "q", defaultValue = "") String name,
                Model model) {
        Campaigns.Campaign campaign = campaign(id);
        String unitCode = Ids.unit(unit);
        List<Campaigns.Entitlement> onList = entitlements(campaign.id(), unitCode, "INCLUDED");
        List<Campaigns.Entitlement> removed = entitlements(campaign.id(), unitCode, "REMOVED");
        List<String> ids = new ArrayList<>();
        onList.forEach(e -> ids.add(e.householdId()));
        removed.forEach(e -> ids.add(e.householdId()));
        model.addAttribute("campaign", campaign);
        model.addAttribute("part", campaign.partOf(unitCode));
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("unitName", units.nameOf(unitCode));
        model.addAttribute("entitlements", onList);
        model.addAttribute("removed", removed);
        model.addAttribute("cards", households.cardsOf(ids));
        model.addAttribute("q", name);
        if (!name.isBlank()) {
            List<String> listed = onList.stream().map(Campaigns.Entitlement::householdId).toList();
            model.addAttribute("found", registry.getPage(UriComponentsBuilder.fromPath("/api/v1/households")
                    .queryParam("unit", unitCode).queryParam("q", name.trim()).queryParam("size", 20).encode().build().toUriString(),
                    HouseholdDirectory.HouseholdCard.class).content().stream().filter(card -> !listed.contains(card.id())).toList());
        }
        return "campaigns/part";
    }

    @PostMapping("/{id}/parts/{unit}/add")
    String add(@PathVariable String id, @PathVariable String unit, @RequestParam("householdId") String householdId,
               @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        return edit(id, unit, "add", householdId, reason, "campaigns.part.added", redirect);
    }

    @PostMapping("/{id}/parts/{unit}/remove")
    String remove(@PathVariable String id, @PathVariable String unit, @RequestParam("householdId") String householdId,
                  @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        return edit(id, unit, "remove", householdId, reason, "campaigns.part.removed", redirect);
    }

    private String edit(String id, String unit, String action, String householdId, String reason, String doneKey,
                        RedirectAttributes redirect) {
        String back = "redirect:/campaigns/" + Ids.of(id) + "/parts/" + Ids.unit(unit);
        if (reason.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("campaigns.part.reason-required"));
            return back;
        }
        try {
            distribution.post("/api/v1/campaigns/" + Ids.of(id) + "/entitlements/" + action,
                    Map.of("householdId", householdId, "reason", reason.trim()));
            redirect.addFlashAttribute("notice", text.of(doneKey));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return back;
    }

    @PostMapping("/{id}/parts/{unit}/submit")
    String submit(@PathVariable String id, @PathVariable String unit, RedirectAttributes redirect) {
        try {
            distribution.post("/api/v1/campaigns/" + Ids.of(id) + "/entitlements/submit", Map.of("unitCode", Ids.unit(unit)));
            redirect.addFlashAttribute("notice", text.of("campaigns.part.submitted"));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/campaigns/" + Ids.of(id) + "/parts/" + Ids.unit(unit);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable String id, RedirectAttributes redirect) {
        return decide(id, "approve", Map.of(), "campaigns.approving", redirect);
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable String id, @RequestParam(name = "reason", defaultValue = "") String reason,
                 RedirectAttributes redirect) {
        return decide(id, "close", reason.isBlank() ? Map.of() : Map.of("reason", reason.trim()), "campaigns.closed", redirect);
    }

    private String decide(String id, String action, Map<String, String> body, String doneKey, RedirectAttributes redirect) {
        try {
            distribution.post("/api/v1/campaigns/" + Ids.of(id) + "/" + action, body);
            redirect.addFlashAttribute("notice", text.of(doneKey));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/campaigns/" + Ids.of(id);
    }

    /** The households approved and not reached yet, by commune: the omissions to chase. */
    @GetMapping("/{id}/pending")
    String pending(@PathVariable String id, @RequestParam(name = "unit", defaultValue = "") String unit, Model model) {
        Campaigns.Campaign campaign = campaign(id);
        String path = "/api/v1/campaigns/" + campaign.id() + "/entitlements/pending" + (unit.isBlank() ? "" : "?unit=" + Ids.unit(unit));
        List<Campaigns.Entitlement> pending = distribution.getList(path, Campaigns.Entitlement.class);
        model.addAttribute("campaign", campaign);
        model.addAttribute("unit", unit.isBlank() ? "" : Ids.unit(unit));
        model.addAttribute("pending", pending);
        model.addAttribute("cards", households.cardsOf(pending.stream().map(Campaigns.Entitlement::householdId).toList()));
        model.addAttribute("unitNames", units.namesOf(pending.stream().map(Campaigns.Entitlement::unitCode).toList()));
        return "campaigns/pending";
    }

    /** The commune's approved list as the signing sheet offices print and sign ("danh sách ký nhận"). */
    @GetMapping("/{id}/parts/{unit}/sheet.xlsx")
    void sheetXlsx(@PathVariable String id, @PathVariable String unit, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SigningSheet sheet = sheet(id, unit);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", attachment(sheet, unit, "xlsx"));
        SigningSheetFiles.writeXlsx(sheet, response.getOutputStream());
    }

    @GetMapping("/{id}/parts/{unit}/sheet.pdf")
    org.springframework.http.ResponseEntity<byte[]> sheetPdf(@PathVariable String id, @PathVariable String unit) {
        SigningSheet sheet = sheet(id, unit);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", attachment(sheet, unit, "pdf")).body(SigningSheetFiles.pdf(sheet));
    }

    private SigningSheet sheet(String id, String unit) {
        Campaigns.Campaign campaign = campaign(id);
        String unitCode = Ids.unit(unit);
        List<Campaigns.Entitlement> onList = entitlements(campaign.id(), unitCode, "INCLUDED");
        return SigningSheet.of(campaign, units.nameOf(unitCode), onList,
                households.cardsOf(onList.stream().map(Campaigns.Entitlement::householdId).toList()),
                java.time.LocalDate.now(vn.ansinh.console.web.Formats.VIETNAM), formats);
    }

    private static String attachment(SigningSheet sheet, String unit, String extension) {
        String name = "danh-sach-ky-nhan-" + Ids.unit(unit) + "." + extension;
        return org.springframework.http.ContentDisposition.attachment().filename(name).build().toString();
    }

    private Campaigns.Campaign campaign(String id) {
        return distribution.get("/api/v1/campaigns/" + Ids.of(id), Campaigns.Campaign.class);
    }

    List<Campaigns.Entitlement> entitlements(String campaignId, String unitCode, String state) {
        return distribution.getPage(UriComponentsBuilder.fromPath("/api/v1/campaigns/" + campaignId + "/entitlements")
                .queryParam("unit", unitCode).queryParam("state", state).queryParam("size", PART_PAGE).build().toUriString(),
                Campaigns.Entitlement.class).content();
    }




}
