package vn.ansinh.console.residents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.ansinh.console.backend.AdminUnits;
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.PageText;
import vn.ansinh.console.web.Vocabulary;

/**
 * Feedback for residents without an account — a family left off a list, someone wrongly on one, aid that
 * did not arrive — and the page where they read the office's answer by their tracking code. The resident's
 * own address goes on to the registry's rate limiter; a field people cannot see turns away simple bots.
 */
@Controller
@RequestMapping("/public/feedback")
class ResidentFeedbackPages {

    private final ServiceApi registry;
    private final AdminUnits units;
    private final ResidentPlaces places;
    private final PageText text;

    ResidentFeedbackPages(ServiceApis services, AdminUnits units, ResidentPlaces places, PageText text) {
        this.registry = services.registry();
        this.units = units;
        this.places = places;
        this.text = text;
    }

    record Status(String trackingCode, String kind, String unitCode, String state, Instant submittedAt, Instant deadline,
                  String answer, Instant answeredAt, Instant closedAt) {
    }

    @GetMapping("/new")
    String form(@ModelAttribute("report") FeedbackReport report, HttpServletRequest request, Model model) {
        return page(report, FormErrors.none(), request, model);
    }

    /** "Chọn" (without JavaScript) reloads the page with the communes of the chosen district; "Gửi" sends. */
    @PostMapping("/new")
    String submit(@ModelAttribute("report") FeedbackReport report, @RequestParam(name = "choose", required = false) String choose,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (choose != null) {
            return page(report, FormErrors.none(), request, model);
        }
        if (report.isFromABot()) {
            // Only a program fills in a field no one can see: answer as if accepted, store nothing.
            model.addAttribute("trackingCode", null);
            return "public/feedback-sent";
        }
        Map<String, String> problems = new LinkedHashMap<>();
        places.completeCommune(report, request.getRemoteAddr());
        if (!Vocabulary.FEEDBACK_KINDS.contains(report.getKind())) {
            problems.put("kind", text.of("feedback.public.kind.required"));
        }
        if (report.getUnitCode().isBlank()) {
            problems.put("unitCode", text.of("residents.commune.required"));
        }
        if (report.getMessage().isBlank()) {
            problems.put("message", text.of("feedback.public.message.required"));
        }
        if (!problems.isEmpty()) {
            return page(report, FormErrors.of(problems, text.of("form.errors.title")), request, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", report.getKind());
        body.put("unitCode", report.getUnitCode());
        body.put("hamlet", report.getHamlet().isBlank() ? null : report.getHamlet().trim());
        body.put("message", report.getMessage().trim());
        body.put("phone", report.getPhone().isBlank() ? null : report.getPhone().replaceAll("[\\s.]", ""));
        Status status;
        try {
            status = registry.callPublic("POST", "/api/v1/public/feedback", body, request.getRemoteAddr(), Status.class);
        } catch (ApiRefusal refused) {
            if (refused.status() == 429) {
                response.setStatus(429);
                return page(report, FormErrors.of(Map.of(), text.of("residents.too-many")), request, model);
            }
            return page(report, FormErrors.of(refused), request, model);
        }
        model.addAttribute("trackingCode", status.trackingCode());
        return "public/feedback-sent";
    }

    @GetMapping("/track")
    String track(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        String cleaned = code.trim().toUpperCase();
        model.addAttribute("code", cleaned);
        if (cleaned.isEmpty()) {
            return "public/feedback-track";
        }
        if (!cleaned.matches("^[A-Z0-9-]{10,14}$")) {
            model.addAttribute("problem", text.of("residents.track.malformed"));
            return "public/feedback-track";
        }
        try {
            Status status = registry.callPublic("GET", "/api/v1/public/feedback/" + cleaned, null, request.getRemoteAddr(), Status.class);
            model.addAttribute("status", status);
            model.addAttribute("unitName", units.publicName(status.unitCode(), request.getRemoteAddr()));
        } catch (ApiRefusal refused) {
            if (refused.status() == 429) {
                response.setStatus(429);
                model.addAttribute("problem", text.of("residents.too-many"));
            } else {
                model.addAttribute("problem", refused.isNotFound() ? text.of("feedback.public.track.unknown") : refused.explanation());
            }
        }
        return "public/feedback-track";
    }

    private String page(FeedbackReport report, FormErrors errors, HttpServletRequest request, Model model) {
        places.show(report, request.getRemoteAddr(), model);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Vocabulary.FEEDBACK_KINDS);
        return "public/feedback";
    }
}
