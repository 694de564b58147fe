package vn.ansinh.console.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.Service;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.Formats;
import vn.ansinh.console.web.PageText;

/**
 * The audit trail of the person's area, for auditors and approvers: who changed or read what, when,
 * with the before and after of each field; filtered by person, action, subject and dates. Each part
 * of the platform keeps its own trail: the page reads one at a time.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final List<Service> TRAILS = List.of(Service.REGISTRY, Service.DONATION, Service.DISTRIBUTION, Service.ISSUER);

    private final ServiceApis services;
    private final PageText text;

    AuditPages(ServiceApis services, PageText text) {
        this.services = services;
        this.text = text;
    }

    record Entry(String id, Instant at, String kind, String action, String subjectType, String subjectId, String unitCode,
                 String actor, String actorName, String actorOffice, String client, List<Change> changes, String detail) {
        Entry {
            changes = changes == null ? List.of() : changes;
        }
    }

    record Change(String field, Object before, Object after) {
    }

    /** The filter as typed, and the query it makes (null when a date is not a date). */
    record Filter(String service, String actor, String action, String subject, String from, String to) {

        String query(int page, String dateProblem, Map<String, String> problems) {
            UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("page", page).queryParam("size", 50);
            if (!actor.isBlank()) {
                query.queryParam("actor", actor.trim());
            }
            if (!action.isBlank()) {
                query.queryParam("action", action.trim());
            }
            if (!subject.isBlank()) {
                query.queryParam("subject", subject.trim());
            }
            Instant start = day(from, "from", problems, dateProblem, false);
            Instant end = day(to, "to", problems, dateProblem, true);
            if (start != null) {
                query.queryParam("from", start.toString());
            }
            if (end != null) {
                query.queryParam("to", end.toString());
            }
            return query.encode().build().toUriString();
        }

        private static Instant day(String typed, String field, Map<String, String> problems, String message, boolean endOfDay) {
            if (typed.isBlank()) {
                return null;
            }
            try {
                LocalDate date = Formats.parseDay(typed);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(Formats.VIETNAM).toInstant();
            } catch (DateTimeParseException notADate) {
                problems.put(field, message);
                return null;
            }
        }
    }

    @GetMapping
    String trail(@RequestParam(name = "service", defaultValue = "REGISTRY") String service,
                 @RequestParam(name = "actor", defaultValue = "") String actor,
                 @RequestParam(name = "action", defaultValue = "") String action,
                 @RequestParam(name = "subject", defaultValue = "") String subject,
                 @RequestParam(name = "from", defaultValue = "") String from,
                 @RequestParam(name = "to", defaultValue = "") String to,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Service chosen = chosen(service);
        Filter filter = new Filter(chosen.name(), actor, action, subject, from, to);
        Map<String, String> problems = new LinkedHashMap<>();
        String query = filter.query(Math.max(0, page), text.of("form.date.invalid"), problems);
        model.addAttribute("filter", filter);
        model.addAttribute("trails", TRAILS);
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            Page<Entry> entries = services.of(chosen).getPage("/api/v1/audit" + query, Entry.class);
            model.addAttribute("entries", entries);
            model.addAttribute("exportQuery", query);
        }
        return "audit/trail";
    }

    /** The same records as CSV (the service's own export), for the auditor's files. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(name = "service", defaultValue = "REGISTRY") String service,
                                  @RequestParam(name = "actor", defaultValue = "") String actor,
                                  @RequestParam(name = "action", defaultValue = "") String action,
                                  @RequestParam(name = "subject", defaultValue = "") String subject,
                                  @RequestParam(name = "from", defaultValue = "") String from,
                                  @RequestParam(name = "to", defaultValue = "") String to) {
        Service chosen = chosen(service);
        Map<String, String> problems = new LinkedHashMap<>();
        String query = new Filter(chosen.name(), actor, action, subject, from, to).query(0, "", problems);
        byte[] csv = services.of(chosen).getBytes("/api/v1/audit/export" + query);
        return ResponseEntity.ok().header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("nhat-ky-" + chosen.name().toLowerCase() + ".csv").build().toString()).body(csv);
    }

    private static Service chosen(String service) {
        return TRAILS.stream().filter(s -> s.name().equals(service)).findFirst().orElse(Service.REGISTRY);
    }

}
