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
import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.PageText;

/**
 * The residents' page ("the online link"): report a need without signing in, get a tracking code,
 * look up where it stands. The resident's own address goes on to the registry's rate limiter; a
 * field people cannot see turns away the simplest bots.
 */
@Controller
@RequestMapping("/public/needs")
class ResidentPages {

    private final ServiceApi registry;
    private final ResidentPlaces places;
    private final PageText text;

    ResidentPages(ServiceApis services, ResidentPlaces places, PageText text) {
        this.registry = services.registry();
        this.places = places;
        this.text = text;
    }

    record Status(String trackingCode, String state, Instant submittedAt, Instant updatedAt) {
    }

    @GetMapping("/new")
    String form(@ModelAttribute("report") NeedReport report, HttpServletRequest request, Model model) {
        return page(report, FormErrors.none(), request, model);
    }

    /**
     * "Chọn" (without JavaScript) reloads the page with the communes of the chosen district; "Gửi"
     * sends the report.
     */
    @PostMapping("/new")
    String submit(@ModelAttribute("report") NeedReport report, @RequestParam(name = "choose", required = false) String choose,
                  HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model) {
        if (choose != null) {
            return page(report, FormErrors.none(), request, model);
        }
        if (report.isFromABot()) {
            // Only a program fills in a field no one can see: answer as if accepted, store nothing.
            model.addAttribute("trackingCode", null);
            return "public/sent";
        }
        Map<String, String> problems = new LinkedHashMap<>();
        places.completeCommune(report, request.getRemoteAddr());
        if (report.getUnitCode().isBlank()) {
            problems.put("unitCode", text.of("residents.commune.required"));
        }
        if (report.getNeeds().isEmpty()) {
            problems.put("needs", text.of("residents.needs.required"));
        }
        if (!problems.isEmpty()) {
            return page(report, FormErrors.of(problems, text.of("form.errors.title")), request, model);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", report.getFullName().trim());
        body.put("phone", report.getPhone().replaceAll("[\\s.]", ""));
        body.put("unitCode", report.getUnitCode());
        body.put("hamlet", report.getHamlet().isBlank() ? null : report.getHamlet().trim());
        body.put("needs", report.getNeeds());
        body.put("note", report.getNote().isBlank() ? null : report.getNote().trim());
        Status status;
        try {
            status = registry.callPublic("POST", "/api/v1/public/needs", body, request.getRemoteAddr(), Status.class);
        } catch (ApiRefusal refused) {
            if (refused.status() == 429) {
                response.setStatus(429);
                return page(report, FormErrors.of(java.util.Map.of(), text.of("residents.too-many")), request, model);
            }
            return page(report, FormErrors.of(refused), request, model);
        }
        model.addAttribute("trackingCode", status.trackingCode());
        return "public/sent";
    }

    @GetMapping("/track")
    String track(@RequestParam(name = "code", defaultValue = "") String code, HttpServletRequest request,
                 jakarta.servlet.http.HttpServletResponse response, Model model) {
        String cleaned = code.trim().toUpperCase();
        model.addAttribute("code", cleaned);
        if (cleaned.isEmpty()) {
            return "public/track";
        }
        if (!cleaned.matches("^[A-Z0-9-]{10,14}$")) {
            model.addAttribute("problem", text.of("residents.track.malformed"));
            return "public/track";
        }
        try {
            model.addAttribute("status", registry.callPublic("GET", "/api/v1/public/needs/" + cleaned, null,
                    request.getRemoteAddr(), Status.class));
        } catch (ApiRefusal refused) {
            if (refused.status() == 429) {
                response.setStatus(429);
                model.addAttribute("problem", text.of("residents.too-many"));
            } else {
                model.addAttribute("problem", refused.isNotFound() ? text.of("residents.track.unknown") : refused.explanation());
            }
        }
        return "public/track";
    }

    private String page(NeedReport report, FormErrors errors, HttpServletRequest request, Model model) {
        places.show(report, request.getRemoteAddr(), model);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", vn.ansinh.console.web.Vocabulary.NEED_KINDS);
        return "public/report";
    }
}
