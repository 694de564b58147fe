package vn.ansinh.console.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.HouseholdDirectory;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.Flash;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * Verification after delivery for a campaign: the approver draws a random sample (a share or a size, with
 * the seed recorded), auditors and the people named record what each household said, the campaign's office
 * answers the cases the discrepancies opened; the verified rate and the open cases on top.
 */
@Controller
@RequestMapping("/campaigns/{id}/verification")
class VerificationPages {

    static final List<String> OUTCOMES = List.of("RECEIVED_IN_FULL", "RECEIVED_IN_PART", "NOT_RECEIVED", "NOT_FOUND");
    private static final int PAGE_SIZE = 50;

    private final ServiceApi distribution;
    private final AdminUnits units;
    private final HouseholdDirectory households;
    private final PageText text;

    VerificationPages(ServiceApis services, AdminUnits units, HouseholdDirectory households, PageText text) {
        this.distribution = services.distribution();
        this.units = units;
        this.households = households;
        this.text = text;
    }

    record SamplePart(String unitCode, int deliveries, int drawn) {
    }

    record Sample(String id, long seed, Integer requestedSize, BigDecimal requestedSharePercent, int drawn, List<SamplePart> byCommune,
                  List<String> verifiers, String drawnBy, Instant drawnAt) {
    }

    record Summary(String campaignId, List<Sample> samples, long sampled, long verified, Map<String, Long> outcomes,
                   BigDecimal verifiedRatePercent, long openCases) {
    }

    record Verification(String id, String deliveryId, String householdId, String unitCode, String outcome, String note,
                        String verifiedBy, Instant verifiedAt, String caseState, String caseAnswer) {
    }

    @GetMapping
    String view(@PathVariable String id, @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        String campaign = "/api/v1/campaigns/" + Ids.of(id);
        Summary summary = distribution.get(campaign + "/verification", Summary.class);
        Page<Verification> sampled = distribution.getPage(UriComponentsBuilder.fromPath(campaign + "/verifications")
                .queryParam("page", Math.max(0, page)).queryParam("size", PAGE_SIZE).build().toUriString(), Verification.class);
        model.addAttribute("campaign", distribution.get(campaign, Campaigns.Campaign.class));
        model.addAttribute("summary", summary);
        model.addAttribute("sampled", sampled);
        model.addAttribute("outcomes", OUTCOMES);
        model.addAttribute("households", households.cardsOf(sampled.content().stream().map(Verification::householdId).toList()));
        List<String> codes = new java.util.ArrayList<>(sampled.content().stream().map(Verification::unitCode).toList());
        summary.samples().forEach(sample -> sample.byCommune().forEach(part -> codes.add(part.unitCode())));
        model.addAttribute("unitNames", units.namesOf(codes));
        return "campaigns/verification";
    }

    @PostMapping("/samples")
    String draw(@PathVariable String id, @RequestParam(name = "sharePercent", defaultValue = "") String share,
                @RequestParam(name = "seed", defaultValue = "") String seed,
                @RequestParam(name = "verifiers", defaultValue = "") String verifiers, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("sharePercent", new BigDecimal(share.trim().replace("%", "").trim().replace(',', '.')));
            if (!seed.isBlank()) {
                body.put("seed", Long.parseLong(seed.trim()));
            }
        } catch (NumberFormatException notANumber) {
            redirect.addFlashAttribute("problem", text.of("verification.draw.numbers"));
            return back(id);
        }
        List<String> named = Arrays.stream(verifiers.split("[,\\s]+")).map(String::trim).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
        if (!named.isEmpty()) {
            body.put("verifiers", named);
        }
        try {
            Sample sample = distribution.post("/api/v1/campaigns/" + Ids.of(id) + "/verification-samples", body, Sample.class);
            redirect.addFlashAttribute("notice", text.of("verification.drawn", sample.drawn(), Long.toString(sample.seed())));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("problem", refused.explanation());
        }
        return back(id);
    }

    @PostMapping("/{verificationId}")
    String record(@PathVariable String id, @PathVariable String verificationId, @RequestParam(name = "outcome", defaultValue = "") String outcome,
                  @RequestParam(name = "note", defaultValue = "") String note, RedirectAttributes redirect) {
        if (!OUTCOMES.contains(outcome)) {
            redirect.addFlashAttribute("problem", text.of("verification.outcome.required"));
            return back(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("note", note.isBlank() ? null : note.trim());
        return act(id, "/api/v1/verifications/" + Ids.of(verificationId), body, "verification.recorded", redirect);
    }

    @PostMapping("/{verificationId}/answer")
    String answer(@PathVariable String id, @PathVariable String verificationId, @RequestParam(name = "answer", defaultValue = "") String answer,
                  RedirectAttributes redirect) {
        if (answer.isBlank()) {
            redirect.addFlashAttribute("problem", text.of("verification.answer.required"));
            return back(id);
        }
        return act(id, "/api/v1/verifications/" + Ids.of(verificationId) + "/answer", Map.of("answer", answer.trim()),
                "verification.answered", redirect);
    }

    private String act(String id, String path, Object body, String doneKey, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of(doneKey), () -> distribution.post(path, body));
        return back(id);
    }

    private static String back(String id) {
        return "redirect:/campaigns/" + Ids.of(id) + "/verification";
    }
}
