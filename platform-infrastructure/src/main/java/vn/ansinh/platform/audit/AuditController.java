package vn.ansinh.platform.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ansinh.platform.csv.CsvRecords;
import vn.ansinh.platform.security.OfficeScope;
import vn.ansinh.platform.web.PageResponse;

/**
 * {@code /api/v1/audit} on every service: who changed or read what, for auditors, approvers (who answer
 * for what their office's staff do) and administrators, within their own area (a district's auditor sees
 * nothing of another district's records).
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'APPROVER', 'ADMIN')")
@Validated
public class AuditController {

    /** The most rows one export holds; narrow the filter for more. */
    static final int EXPORT_LIMIT = 50_000;

    private final AuditTrail trail;
    private final OfficeScope scope;

    public AuditController(AuditTrail trail, OfficeScope scope) {
        this.trail = trail;
        this.scope = scope;
    }

    @Operation(summary = "Audit records in the caller's area (or the unit asked for, within it), newest first")
    @GetMapping
    public PageResponse<AuditEntry> records(@RequestParam(name = "unit", required = false) String unit,
                                            @RequestParam(name = "subject", required = false) String subject,
                                            @RequestParam(name = "actor", required = false) String actor,
                                            @RequestParam(name = "action", required = false) String action,
                                            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        Criteria filter = filter(unit, subject, actor, action, from, to);
        return PageResponse.of(trail.find(filter, (long) page * size, size), trail.count(filter), page, size, AuditEntry::of);
    }

    @Operation(summary = "The same records as CSV (UTF-8, for a spreadsheet), up to 50,000 rows")
    @GetMapping("/export")
    public void export(@RequestParam(name = "unit", required = false) String unit,
                       @RequestParam(name = "subject", required = false) String subject,
                       @RequestParam(name = "actor", required = false) String actor,
                       @RequestParam(name = "action", required = false) String action,
                       @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                       @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                       HttpServletResponse response) throws IOException {
        Criteria filter = filter(unit, subject, actor, action, from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // so that a spreadsheet reads the Vietnamese as UTF-8
        out.write(CsvRecords.line(List.of("at", "kind", "action", "subjectType", "subjectId", "unitCode", "actor", "actorName",
                "actorOffice", "client", "changes", "detail")));
        for (var record : trail.find(filter, 0, EXPORT_LIMIT)) {
            AuditEntry entry = AuditEntry.of(record);
            out.write(CsvRecords.line(List.of(String.valueOf(entry.at()), entry.kind(), entry.action(), text(entry.subjectType()),
                    text(entry.subjectId()), text(entry.unitCode()), text(entry.actor()), text(entry.actorName()),
                    text(entry.actorOffice()), text(entry.client()), changes(entry.changes()), text(entry.detail()))));
        }
        out.flush();
    }

    private Criteria filter(String unit, String subject, String actor, String action, Instant from, Instant to) {
        Criteria filter = scope.listArea(AuditTrail.UNIT, unit);
        if (subject != null) {
            filter = filter.and(AuditTrail.SUBJECT_ID).is(subject);
        }
        if (actor != null) {
            filter = filter.and(AuditTrail.ACTOR).is(actor);
        }
        if (action != null) {
            filter = filter.and(AuditTrail.ACTION).is(action);
        }
        if (from != null || to != null) {
            Criteria at = Criteria.where(AuditTrail.AT);
            if (from != null) {
                at = at.gte(Date.from(from));
            }
            if (to != null) {
                at = at.lt(Date.from(to));
            }
            filter = new Criteria().andOperator(filter, at);
        }
        return filter;
    }

    private static String changes(List<FieldChange> changes) {
        StringBuilder text = new StringBuilder();
        for (FieldChange change : changes) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(change.field()).append(": ").append(change.before()).append(" → ").append(change.after());
        }
        return CsvRecords.spreadsheetSafe(text.toString());
    }

    private static String text(String value) {
        return value == null ? "" : CsvRecords.spreadsheetSafe(value);
    }
}
