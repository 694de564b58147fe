package vn.ansinh.console.care;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.Section;
import vn.ansinh.console.backend.Service;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * Care that lasts years, as the office follows it: sponsorships whose sponsor is behind (who, since when,
 * how much), houses built or repaired this year per commune with those under way, and the agencies twinned
 * with villages of the area, each with what it gave year by year. Each part comes from distribution-service
 * and blanks alone when it cannot be reached.
 */
@Controller
class CarePages {


    private final ServiceApi distribution;
    private final AdminUnits units;
    private final PageText text;
    private final Formats formats;

    CarePages(ServiceApis services, AdminUnits units, PageText text, Formats formats) {
        this.distribution = services.distribution();
        this.units = units;
        this.text = text;
        this.formats = formats;
    }

    record Standing(long dueSoFar, long paid, long arrears, long credit, int overdueInstalments, LocalDate oldestUnpaidDueOn,
                    LocalDate nextDueOn, Long committed) {
    }

    record Instalment(int number, LocalDate dueOn, long amount, long paid, String state) {
    }

    record Payment(String id, long amount, LocalDate paidOn, String reference, String note) {
    }

    record Sponsorship(String id, String unitCode, String householdId, Integer memberNumber, String sponsor, String purpose, long amount,
                       int everyMonths, LocalDate startsOn, LocalDate endsOn, String state, LocalDate endedOn, String endReason,
                       Standing standing, List<Instalment> instalments, List<Payment> payments) {
    }

    record UnitHouses(String unitCode, String unitName, long built, long repaired, long cost, long underway) {
    }

    record HouseCounts(String unitCode, int year, List<UnitHouses> units, UnitHouses total) {
    }

    record Twinning(String id, String agency, String unitCode, String village, LocalDate since, String state, LocalDate endedOn) {
    }

    record KindFigures(String kind, long records, long quantity, long value) {
    }

    record YearFigures(Integer year, List<KindFigures> contributions, long housesBuilt, long housesRepaired, long housesCost, long value) {
    }

    record TwinningReport(String unitCode, String unitName, String village, List<Twinning> twinnings, List<YearFigures> years,
                          YearFigures total) {
    }

    @GetMapping("/care")
    String overview(@RequestParam(name = "year", required = false) Integer year, @ModelAttribute("person") SignedInPerson person,
                    Model model) {
        int thisYear = LocalDate.now(Formats.VIETNAM).getYear();
        int shown = year == null || year < thisYear - 20 || year > thisYear ? thisYear : year;
        Section<List<Sponsorship>> behind = Section.load(Service.DISTRIBUTION, () -> distribution.getPage(
                "/api/v1/sponsorships?inArrears=true&size=200", Sponsorship.class).content());
        model.addAttribute("behind", behind);
        model.addAttribute("houses", Section.load(Service.DISTRIBUTION, () -> distribution.get("/api/v1/houses/counts?year=" + shown,
                HouseCounts.class)));
        Section<List<Twinning>> twinnings = Section.load(Service.DISTRIBUTION, () -> distribution.getList("/api/v1/twinnings",
                Twinning.class));
        model.addAttribute("twinnings", twinnings);
        List<String> places = new java.util.ArrayList<>();
        if (behind.available()) {
            behind.content().forEach(sponsorship -> places.add(sponsorship.unitCode()));
        }
        if (twinnings.available()) {
            twinnings.content().forEach(twinning -> places.add(twinning.unitCode()));
        }
        model.addAttribute("unitNames", units.namesOf(places));
        model.addAttribute("year", shown);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(thisYear - 5, thisYear).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        return "care/overview";
    }

    @GetMapping("/care/twinnings/{id}")
    String twinning(@PathVariable String id, Model model) {
        model.addAttribute("report", distribution.get("/api/v1/twinnings/" + Ids.of(id) + "/report", TwinningReport.class));
        model.addAttribute("twinningId", Ids.of(id));
        model.addAttribute("kinds", CareForms.CONTRIBUTION_KINDS);
        model.addAttribute("today", CareForms.today());
        return "care/twinning";
    }

    /**
     * A village across every agency twinned with it over the years (Pleiku's villages had several): who
     * was twinned when, and what all of them gave year by year.
     */
    @GetMapping("/care/villages")
    String village(@RequestParam("unit") String unit, @RequestParam("village") String village, Model model) {
        String path = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/v1/twinnings/villages")
                .queryParam("unit", Ids.unit(unit)).queryParam("village", village).encode().build().toUriString();
        model.addAttribute("report", distribution.get(path, TwinningReport.class));
        return "care/village";
    }

    /** A sponsorship: where it stands, its instalments with what covers each, its payments; record a payment, end it. */
    @GetMapping("/care/sponsorships/{id}")
    String sponsorship(@PathVariable String id, Model model) {
        Sponsorship sponsorship = distribution.get("/api/v1/sponsorships/" + Ids.of(id), Sponsorship.class);
        model.addAttribute("sponsorship", sponsorship);
        model.addAttribute("unitName", units.nameOf(sponsorship.unitCode()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute("values", java.util.Map.of("amount", "", "paidOn", CareForms.today(), "reference", ""));
        }
        return "care/sponsorship";
    }

    @PostMapping("/care/sponsorships/{id}/payments")
    String pay(@PathVariable String id, @RequestParam(name = "amount", defaultValue = "") String amount,
               @RequestParam(name = "paidOn", defaultValue = "") String paidOn,
               @RequestParam(name = "reference", defaultValue = "") String reference, Model model, RedirectAttributes redirect) {
        Long money = Formats.parseMoney(amount);
        java.util.Map<String, String> values = java.util.Map.of("amount", amount, "paidOn", paidOn, "reference", reference);
        if (money == null || money <= 0) {
            model.addAttribute("errors", FormErrors.of(java.util.Map.of("amount", text.of("campaigns.form.money.invalid")),
                    text.of("form.errors.title")));
            model.addAttribute("values", values);
            return sponsorship(id, model);
        }
        try {
            java.util.Map<String, Object> request = new java.util.LinkedHashMap<>();
            request.put("amount", money);
            request.put("paidOn", paidOn.isBlank() ? CareForms.today() : paidOn.trim());
            request.put("reference", reference.isBlank() ? null : reference.trim());
            distribution.post("/api/v1/sponsorships/" + Ids.of(id) + "/payments", request);
            redirect.addFlashAttribute("notice", text.of("care.paid", formats.money(money)));
            return "redirect:/care/sponsorships/" + Ids.of(id);
        } catch (ApiRefusal refused) {
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("values", values);
            return sponsorship(id, model);
        }
    }

    @PostMapping("/care/sponsorships/{id}/end")
    String end(@PathVariable String id, @RequestParam(name = "on", defaultValue = "") String on,
               @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            distribution.post("/api/v1/sponsorships/" + Ids.of(id) + "/end", java.util.Map.of(
                    "on", on.isBlank() ? CareForms.today() : on.trim(), "reason", reason.trim()));
            redirect.addFlashAttribute("notice", text.of("care.ended"));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return "redirect:/care/sponsorships/" + Ids.of(id);
    }
}
