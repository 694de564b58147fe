package vn.ansinh.console.fund;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.organisation.Organisations;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Ids;

/**
 * Money and goods: the office's funds (open one; its figures, its ledger and its public statement),
 * cash and goods donations with their receipts, a batch file of donations with a result per row, and
 * the office's stock.
 */
@Controller
class FundPages {

    static final List<String> CHANNELS = List.of("CASH", "BANK", "QR");
    static final List<String> DONOR_KINDS = List.of("INDIVIDUAL", "BUSINESS", "ORGANISATION", "RELIGIOUS", "AGENCY", "ANONYMOUS");
    static final List<String> DISPLAYS = List.of("FULL_NAME", "INITIALS", "ANONYMOUS");

    private final ServiceApi donation;
    private final ServiceApi distribution;
    private final AdminUnits units;
    private final Organisations organisations;
    private final PageText text;

    FundPages(ServiceApis services, AdminUnits units, Organisations organisations, PageText text) {
        this.donation = services.donation();
        this.distribution = services.distribution();
        this.units = units;
        this.organisations = organisations;
        this.text = text;
    }

    record Fund(String id, String name, String officeUnitCode, String purpose, long balance, long reserved, long available,
                long received, long spent, String organisationCode) {
    }

    record LedgerLine(long seq, String kind, long amount, String campaignId, String deliveryId, String donationId, String channel,
                      String reference, String description, long balanceAfter, long reservedAfter, Instant at) {
    }

    record Donation(String id, String kind, String fundId, String fundName, String officeUnitCode, Long amount, String channel,
                    String reference, String donorId, String donorName, String receiptNumber, Instant receivedAt,
                    List<GoodsLine> items, Receipt receipt) {
        Donation {
            items = items == null ? List.of() : items;
        }
    }

    record GoodsLine(String item, String unit, BigDecimal quantity, Long estimatedValue) {
    }

    record Receipt(String number, String date, String officeUnitCode, String officeName, String giver, String reason, long amount,
                   String amountInWords) {
    }

    record Donor(String id, String name, String kind, String publicName, String phone) {
    }

    record StockLine(String item, String unit, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {
    }

    record BatchResult(int rows, int accepted, int duplicates, int rejected, List<RowResult> results) {
        BatchResult {
            results = results == null ? List.of() : results;
        }
    }

    record RowResult(int row, String status, String donationId, String reason) {
    }

    @GetMapping("/funds")
    String funds(@ModelAttribute("person") SignedInPerson person, Model model) {
        Page<Fund> funds = donation.getPage(UriComponentsBuilder.fromPath("/api/v1/funds").queryParam("size", 200)
                .build().toUriString(), Fund.class);
        model.addAttribute("funds", funds.content());
        model.addAttribute("unitNames", units.namesOf(funds.content().stream().map(Fund::officeUnitCode).toList()));
        model.addAttribute("organisationNames", organisations.namesOf(person.office()));
        model.addAttribute("fundOrganisations", organisationNamesOf(funds.content()));
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("values", Map.of("name", "", "purpose", "", "organisationCode", ""));
        return "funds/list";
    }

    /** Fund id → the name of the organisation it belongs to, for the funds that belong to one (read once per office). */
    private Map<String, String> organisationNamesOf(List<Fund> funds) {
        Map<String, Map<String, String>> byOffice = new java.util.HashMap<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (Fund fund : funds) {
            if (fund.organisationCode() != null) {
                String name = byOffice.computeIfAbsent(fund.officeUnitCode(), organisations::namesOf).get(fund.organisationCode());
                names.put(fund.id(), name == null ? fund.organisationCode() : name);
            }
        }
        return names;
    }

    /**
     * A new fund of the office, or of one of its organisations. A person who acts for an organisation opens
     * funds of that organisation only: donation-service puts the fund there whatever the form says.
     */
    @PostMapping("/funds")
    String open(@RequestParam(name = "name", defaultValue = "") String name, @RequestParam(name = "purpose", defaultValue = "") String purpose,
                @RequestParam(name = "organisationCode", defaultValue = "") String organisationCode,
                @ModelAttribute("person") SignedInPerson person, Model model, RedirectAttributes redirect) {
        try {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("name", name.trim());
            request.put("officeUnitCode", person.office());
            request.put("purpose", purpose.trim());
            String owner = person.isForOrganisation() ? person.organisation() : organisationCode.trim();
            request.put("organisationCode", owner.isEmpty() ? null : owner);
            JsonNode fund = donation.post("/api/v1/funds", request);
            redirect.addFlashAttribute("notice", text.of("funds.opened"));
            return "redirect:/funds/" + fund.path("id").asString();
        } catch (ApiRefusal refused) {
            String page = funds(person, model);
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("values", Map.of("name", name, "purpose", purpose, "organisationCode", organisationCode));
            return page;
        }
    }

    @GetMapping("/funds/{id}")
    String fund(@PathVariable String id, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Fund fund = donation.get("/api/v1/funds/" + Ids.of(id), Fund.class);
        model.addAttribute("fund", fund);
        model.addAttribute("officeName", units.nameOf(fund.officeUnitCode()));
        model.addAttribute("organisationName", fund.organisationCode() == null ? null
                : organisations.namesOf(fund.officeUnitCode()).getOrDefault(fund.organisationCode(), fund.organisationCode()));
        // Newest movements first: the ledger is read from its last page.
        Page<LedgerLine> first = donation.getPage("/api/v1/funds/" + fund.id() + "/ledger?size=1", LedgerLine.class);
        long entries = first.totalElements();
        int size = 25;
        long lastPage = Math.max(0, (entries - 1) / size);
        long shown = Math.max(0, lastPage - Math.max(0, page));
        List<LedgerLine> lines = new ArrayList<>(donation.getPage("/api/v1/funds/" + fund.id() + "/ledger?size=" + size + "&page=" + shown,
                LedgerLine.class).content());
        java.util.Collections.reverse(lines);
        model.addAttribute("ledger", lines);
        model.addAttribute("ledgerPage", Math.max(0, page));
        model.addAttribute("ledgerHasOlder", shown > 0);
        model.addAttribute("statementUrl", "/public/funds/" + fund.id() + "/statement");
        JsonNode bankAccount = bankAccountOf(fund.id());
        model.addAttribute("bankAccount", bankAccount);
        model.addAttribute("appeals", bankAccount == null ? List.of()
                : donation.getList("/api/v1/funds/" + fund.id() + "/appeals", JsonNode.class));
        model.addAttribute("campaigns", campaignsOf(fund.officeUnitCode()));
        if (!model.containsAttribute("accountErrors")) {
            model.addAttribute("accountErrors", FormErrors.none());
        }
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("donorKinds", DONOR_KINDS);
        model.addAttribute("displays", DISPLAYS);
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : FormErrors.none());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of("amount", "", "channel", "CASH", "reference", "", "donorName", "", "donorKind",
                    "INDIVIDUAL", "donorPhone", "", "display", "FULL_NAME"));
        }
        return "funds/view";
    }

    record Campaign(String id, String name, String officeUnitCode, String state) {
    }

    /**
     * The office's campaigns not closed, which a gift may be meant for. The fund's page still works
     * without them when distribution-service cannot be reached: a gift is then meant for no one.
     */
    private List<Campaign> campaignsOf(String office) {
        try {
            return distribution.getPage(UriComponentsBuilder.fromPath("/api/v1/campaigns").queryParam("unit", office)
                    .queryParam("size", 200).build().toUriString(), Campaign.class).content().stream()
                    .filter(campaign -> office.equals(campaign.officeUnitCode()) && !"CLOSED".equals(campaign.state())).toList();
        } catch (vn.ansinh.console.backend.ServiceUnavailableException | ApiRefusal unavailable) {
            return List.of();
        }
    }

    /** The fund's bank account and transfer code, or null while its office has set none. */
    private JsonNode bankAccountOf(String fundId) {
        try {
            return donation.get("/api/v1/funds/" + fundId + "/bank-account", JsonNode.class);
        } catch (ApiRefusal none) {
            if (none.status() == 404) {
                return null;
            }
            throw none;
        }
    }

    /** A cash donation recorded at the desk: the giver (new or anonymous), the amount; then its receipt. */
    @PostMapping("/funds/{id}/donations")
    String receive(@PathVariable String id, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> values = new LinkedHashMap<>(form);
        Long amount = Formats.parseMoney(form.getOrDefault("amount", ""));
        if (amount == null || amount <= 0) {
            model.addAttribute("errors", FormErrors.of(Map.of("amount", text.of("campaigns.form.money.invalid")), text.of("form.errors.title")));
            model.addAttribute("values", values);
            return fund(id, 0, model);
        }
        try {
            String donorId = donorOf(form);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("fundId", Ids.of(id));
            request.put("amount", amount);
            request.put("channel", CHANNELS.contains(form.get("channel")) ? form.get("channel") : "CASH");
            String reference = form.getOrDefault("reference", "").trim();
            request.put("reference", reference.isEmpty() ? null : reference);
            request.put("donorId", donorId);
            String campaignId = form.getOrDefault("campaignId", "").trim();
            request.put("campaignId", campaignId.isEmpty() ? null : campaignId);
            JsonNode accepted = donation.post("/api/v1/donations", request);
            return "redirect:/donations/" + accepted.path("id").asString() + "?recorded";
        } catch (ApiRefusal refused) {
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("values", values);
            return fund(id, 0, model);
        }
    }

    /** The giver as a donor record: a named giver is registered; no name means an anonymous gift. */
    private String donorOf(Map<String, String> form) {
        String name = form.getOrDefault("donorName", "").trim();
        String kind = DONOR_KINDS.contains(form.get("donorKind")) ? form.get("donorKind") : "INDIVIDUAL";
        if (name.isEmpty() && !"ANONYMOUS".equals(kind)) {
            return null;
        }
        Map<String, Object> donor = new LinkedHashMap<>();
        donor.put("name", name.isEmpty() ? null : name);
        donor.put("kind", name.isEmpty() ? "ANONYMOUS" : kind);
        String phone = form.getOrDefault("donorPhone", "").replaceAll("[\\s.]", "");
        donor.put("phone", phone.isEmpty() ? null : phone);
        donor.put("display", DISPLAYS.contains(form.get("display")) ? form.get("display") : "FULL_NAME");
        return donation.post("/api/v1/donors", donor).path("id").asString();
    }

    /** The fund's public statement, as anyone may read it (no names of people who asked to stay unnamed). */
    @GetMapping("/public/funds/{id}/statement")
    String statement(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request, Model model) {
        JsonNode statement = donation.callPublic("GET", "/api/v1/public/funds/" + Ids.of(id) + "/statement", null,
                request.getRemoteAddr(), JsonNode.class);
        model.addAttribute("statement", statement);
        return "funds/statement";
    }

    @GetMapping("/donations/{id}")
    String receipt(@PathVariable String id, @RequestParam(name = "recorded", required = false) String recorded, Model model) {
        Donation gift = donation.get("/api/v1/donations/" + Ids.of(id), Donation.class);
        model.addAttribute("donation", gift);
        model.addAttribute("recorded", recorded != null);
        model.addAttribute("officeName", gift.officeUnitCode() == null ? "" : units.nameOf(gift.officeUnitCode()));
        // Printed on the receipt: where the donor can follow the gift afterwards.
        model.addAttribute("traceUrl", gift.receiptNumber() == null ? null : org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().path("/public/donations/{receipt}/trace").buildAndExpand(gift.receiptNumber()).toUriString());
        return "funds/receipt";
    }

    @GetMapping("/donations/goods")
    String goodsForm(Model model) {
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : FormErrors.none());
        if (!model.containsAttribute("rows")) {
            model.addAttribute("rows", List.of(new String[5], new String[5], new String[5]));
        }
        return "funds/goods";
    }

    @PostMapping("/donations/goods")
    String receiveGoods(@RequestParam Map<String, String> form, @ModelAttribute("person") SignedInPerson person, Model model) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String item = form.getOrDefault("item" + i, "").trim();
            String unit = form.getOrDefault("unit" + i, "").trim();
            String quantity = form.getOrDefault("quantity" + i, "").trim();
            String value = form.getOrDefault("value" + i, "").trim();
            String expires = form.getOrDefault("expires" + i, "").trim();
            rows.add(new String[] {item, unit, quantity, value, expires});
            if (item.isEmpty() && quantity.isEmpty()) {
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("item", item);
            line.put("unit", unit);
            try {
                line.put("quantity", new BigDecimal(quantity.replace(',', '.')));
            } catch (NumberFormatException notANumber) {
                problems.put("items[" + items.size() + "].quantity", text.of("campaigns.form.quantity.invalid"));
            }
            Long estimated = value.isEmpty() ? Long.valueOf(0) : Formats.parseMoney(value);
            if (estimated == null) {
                problems.put("items[" + items.size() + "].estimatedValue", text.of("campaigns.form.money.invalid"));
            }
            line.put("estimatedValue", estimated);
            if (!expires.isEmpty()) {
                line.put("expiresOn", expires); // the browser's date field sends yyyy-MM-dd
            }
            items.add(line);
        }
        if (problems.isEmpty()) {
            try {
                Map<String, Object> request = new LinkedHashMap<>();
                request.put("officeUnitCode", person.office());
                request.put("items", items);
                request.put("donorId", donorOf(form));
                JsonNode accepted = donation.post("/api/v1/donations", request);
                return "redirect:/donations/" + accepted.path("id").asString() + "?recorded";
            } catch (ApiRefusal refused) {
                model.addAttribute("errors", FormErrors.of(refused));
            }
        } else {
            model.addAttribute("errors", FormErrors.of(problems, text.of("form.errors.title")));
        }
        model.addAttribute("rows", rows);
        return goodsForm(model);
    }

    @GetMapping("/donations/batch")
    String batchForm() {
        return "funds/batch";
    }

    /** A bank's statement or a collection sheet as CSV: each row accepted, a repeat, or refused with its reason. */
    @PostMapping("/donations/batch")
    String batch(@RequestParam("file") MultipartFile file, Model model) throws java.io.IOException {
        if (file.isEmpty()) {
            model.addAttribute("problem", text.of("batch.empty"));
            return "funds/batch";
        }
        try {
            try (java.io.InputStream content = file.getInputStream()) {
                model.addAttribute("result", donation.postCsv("/api/v1/donations/batch", content, file.getSize(), BatchResult.class));
            }
        } catch (ApiRefusal refused) {
            model.addAttribute("problem", refused.explanation());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "funds/batch";
    }

    @GetMapping("/stock")
    String stock(@ModelAttribute("person") SignedInPerson person, Model model) {
        model.addAttribute("stock", donation.getList(UriComponentsBuilder.fromPath("/api/v1/stock")
                .queryParam("officeUnitCode", person.office()).build().toUriString(), StockLine.class));
        model.addAttribute("expired", donation.getList(UriComponentsBuilder.fromPath("/api/v1/stock/expired")
                .queryParam("officeUnitCode", person.office()).build().toUriString(), JsonNode.class));
        model.addAttribute("officeName", person.isNational() ? text.of("office.national") : units.nameOf(person.office()));
        return "funds/stock";
    }



}
