package vn.ansinh.console.poverty;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.Flash;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * Poverty rates as offices report them: per unit below, the poor, near-poor and ethnic-minority rates
 * over the yearly statistics, against the year's targets, with the yearly review beside them; and the
 * forms where an office enters a unit's statistics (or imports a file of them) and sets its targets.
 */
@Controller
@RequestMapping("/poverty")
class PovertyPages {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int YEARS_SHOWN = 6;

    private final ServiceApi registry;
    private final ServiceApi reporting;
    private final PageText text;

    PovertyPages(ServiceApis services, PageText text) {
        this.registry = services.registry();
        this.reporting = services.reporting();
        this.text = text;
    }

    record Targets(BigDecimal poorRatePercent, BigDecimal nearPoorRatePercent, BigDecimal ethnicMinorityPoorRatePercent,
                   BigDecimal poorRateGapPoints, BigDecimal nearPoorRateGapPoints, BigDecimal ethnicMinorityPoorRateGapPoints) {
    }

    record Figures(String unitCode, String unitName, long poorHouseholds, long nearPoorHouseholds, Long totalHouseholds,
                   Long ethnicMinorityHouseholds, boolean statisticsMissing, BigDecimal poorRatePercent,
                   BigDecimal nearPoorRatePercent, long ethnicMinorityPoorHouseholds, BigDecimal ethnicMinorityPoorRatePercent,
                   long recentlyEscapedHouseholds, Targets targets) {
    }

    record Area(Figures total, List<Figures> rows) {
    }

    record ReviewRow(String unitCode, String unitName, long escapedPoverty, long escapedNearPoverty, long poorToNearPoor,
                     long nearPoorToPoor, long fellIntoPoverty, long fellIntoNearPoverty) {
    }

    record Review(ReviewRow total, List<ReviewRow> rows) {
    }

    record Statistics(String unitCode, String unitName, int year, boolean missing, Long totalHouseholds,
                      Long ethnicMinorityHouseholds, BigDecimal poorRateTargetPercent, BigDecimal nearPoorRateTargetPercent,
                      BigDecimal ethnicMinorityPoorRateTargetPercent, String statisticsEnteredBy, java.time.Instant statisticsEnteredAt) {
    }

    record ImportOutcome(int read, int created, int updated, int unchanged) {
    }

    @GetMapping
    String overview(@RequestParam(name = "unit", required = false) String unit, @RequestParam(name = "year", required = false) Integer year,
                    @org.springframework.web.bind.annotation.ModelAttribute("person") SignedInPerson person, Model model) {
        int thisYear = LocalDate.now(VIETNAM).getYear();
        int chosenYear = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
        String code = unit == null || unit.isBlank() ? person.office() : unit.trim();
        String query = UriComponentsBuilder.newInstance().queryParam("unit", code).queryParam("year", chosenYear).encode().build()
                .toUriString();
        model.addAttribute("area", reporting.get("/api/v1/reports/units" + query, Area.class));
        model.addAttribute("review", reporting.get("/api/v1/reports/poverty-review" + query, Review.class));
        model.addAttribute("year", chosenYear);
        model.addAttribute("unit", code);
        model.addAttribute("years", IntStream.rangeClosed(0, YEARS_SHOWN - 1).map(back -> thisYear - back).boxed().toList());
        return "poverty/overview";
    }

    @GetMapping("/{code}/{year}")
    String edit(@PathVariable String code, @PathVariable int year, Model model) {
        Statistics entered;
        try {
            entered = registry.get("/api/v1/admin-units/" + Ids.of(code) + "/statistics/" + year, Statistics.class);
        } catch (ApiRefusal refused) {
            if (!refused.isNotFound()) {
                throw refused;
            }
            entered = null;
        }
        model.addAttribute("code", code);
        model.addAttribute("year", year);
        model.addAttribute("entered", entered);
        model.addAttribute("unitName", entered != null ? entered.unitName()
                : registry.get("/api/v1/admin-units/" + Ids.of(code), Map.class).get("name"));
        return "poverty/edit";
    }

    @PostMapping("/{code}/{year}/statistics")
    String statistics(@PathVariable String code, @PathVariable int year,
                      @RequestParam(name = "totalHouseholds", defaultValue = "") String total,
                      @RequestParam(name = "ethnicMinorityHouseholds", defaultValue = "") String ethnicMinority,
                      RedirectAttributes redirect) {
        Long households = Formats.parseMoney(total);
        Long ethnic = ethnicMinority.isBlank() ? null : Formats.parseMoney(ethnicMinority);
        if (households == null || (!ethnicMinority.isBlank() && ethnic == null)) {
            redirect.addFlashAttribute("problem", text.of("poverty.statistics.numbers"));
            return "redirect:/poverty/" + Ids.of(code) + "/" + year;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalHouseholds", households);
        body.put("ethnicMinorityHouseholds", ethnic);
        return send(code, year, "/statistics/", body, "poverty.statistics.saved", redirect);
    }

    @PostMapping("/{code}/{year}/targets")
    String targets(@PathVariable String code, @PathVariable int year,
                   @RequestParam(name = "poorRatePercent", defaultValue = "") String poor,
                   @RequestParam(name = "nearPoorRatePercent", defaultValue = "") String nearPoor,
                   @RequestParam(name = "ethnicMinorityPoorRatePercent", defaultValue = "") String ethnicMinorityPoor,
                   RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("poorRatePercent", rate(poor));
            body.put("nearPoorRatePercent", rate(nearPoor));
            body.put("ethnicMinorityPoorRatePercent", rate(ethnicMinorityPoor));
        } catch (NumberFormatException notARate) {
            redirect.addFlashAttribute("problem", text.of("poverty.targets.numbers"));
            return "redirect:/poverty/" + Ids.of(code) + "/" + year;
        }
        return send(code, year, "/targets/", body, "poverty.targets.saved", redirect);
    }

    /** A file of statistics: taken whole or not at all, each wrong row named. */
    @PostMapping("/import")
    String importFile(@RequestParam("file") MultipartFile file, @RequestParam(name = "year", required = false) Integer year,
                      RedirectAttributes redirect) throws IOException {
        try (InputStream content = file.getInputStream()) {
            ImportOutcome outcome = registry.postCsv("/api/v1/admin-units/statistics/import", content, file.getSize(), ImportOutcome.class);
            redirect.addFlashAttribute("notice", text.of("poverty.import.done", outcome.read(), outcome.created(), outcome.updated(),
                    outcome.unchanged()));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.fields().isEmpty() ? refused.explanation()
                    : refused.fields().stream().map(field -> field.field() + ": " + field.message()).collect(Collectors.joining("; ")));
        }
        return "redirect:/poverty" + (year == null ? "" : "?year=" + year);
    }

    private String send(String code, int year, String what, Map<String, Object> body, String doneKey, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of(doneKey), () -> registry.put("/api/v1/admin-units/" + Ids.of(code) + what + year, body));
        return "redirect:/poverty/" + Ids.of(code) + "/" + year;
    }

    /** "6,11" or "6.11" as typed; null when nothing was typed. */
    private static BigDecimal rate(String typed) {
        return typed == null || typed.isBlank() ? null : new BigDecimal(typed.trim().replace("%", "").trim().replace(',', '.'));
    }
}
