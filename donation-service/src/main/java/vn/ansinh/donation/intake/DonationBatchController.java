package vn.ansinh.donation.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.platform.csv.CsvRecords;
import vn.ansinh.platform.web.ApiException;
import vn.ansinh.platform.web.FieldError;
import vn.ansinh.platform.web.IdempotencyKeyFilter;

/**
 * {@code POST /api/v1/donations/batch}: up to 10,000 cash donations as a JSON array or as CSV
 * (headers fundId, amount, channel, reference, donorId), with a result per row. A bulkhead keeps
 * a burst of batches from taking every thread: when it is full the answer is 429 with Retry-After,
 * and the sender tries again, instead of the service falling over.
 */
@RestController
class DonationBatchController {

    private final DonationBatchService service;
    private final QueuedBatchIntake queue;
    private final JsonMapper json;
    private final Bulkhead bulkhead;

    public DonationBatchController(DonationBatchService service, QueuedBatchIntake queue, JsonMapper json, BulkheadRegistry bulkheads) {
        this.service = service;
        this.queue = queue;
        this.json = json;
        this.bulkhead = bulkheads.bulkhead("donation-batch");
    }

    @Operation(operationId = "recordDonationBatch", summary = "Record up to 10,000 cash donations, as a JSON array or as CSV; a result per row",
            description = "CSV headers: fundId, amount, channel, reference, donorId (the last two optional). With Prefer: "
                    + "respond-async the batch is queued and answered 202 as soon as the broker holds every good row.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = CashDonationRequest.class))),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = "fundId,amount,channel,reference\nf-1,500000,BANK,VCB-1"))}),
            responses = {
                @ApiResponse(responseCode = "200", description = "Recorded: each row accepted, a repeat of an earlier donation, or refused",
                        content = @Content(schema = @Schema(implementation = DonationBatchService.BatchResult.class))),
                @ApiResponse(responseCode = "202", description = "Queued (sent with Prefer: respond-async): each row's donation id or why it "
                        + "was refused; follow the batch at the Location", content = @Content(schema = @Schema(implementation = QueuedBatchIntake.QueuedBatch.class)))})
    // One operation for both forms, so the API description has one entry for it.
    @PostMapping(path = "/api/v1/donations/batch", consumes = {"application/json", "text/csv"})
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<?> receive(@RequestBody byte[] body,
                                     @RequestHeader(name = "Prefer", required = false) String prefer,
                                     HttpServletRequest request) {
        List<DonationBatchService.Row> rows = request.getContentType().toLowerCase(Locale.ROOT).startsWith("text/csv")
                ? csvRows(body) : jsonRows(body, request);
        return answer(rows, prefer, request);
    }

    private List<DonationBatchService.Row> jsonRows(byte[] text, HttpServletRequest request) {
        JsonNode body;
        try {
            body = json.readTree(text);
        } catch (JacksonException malformed) { // answered like any unreadable body (malformed-body)
            throw new org.springframework.http.converter.HttpMessageNotReadableException("Malformed JSON", malformed,
                    new org.springframework.http.server.ServletServerHttpRequest(request));
        }
        if (!body.isArray()) {
            throw invalid("body", "a JSON array of donations");
        }
        requireAtMostMaxRows(body.size());
        List<DonationBatchService.Row> rows = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                rows.add(new DonationBatchService.Row(i + 1, json.treeToValue(body.get(i), CashDonationRequest.class), null));
            } catch (JacksonException unreadable) {
                rows.add(new DonationBatchService.Row(i + 1, null, "unreadable: " + unreadable.getOriginalMessage()));
            }
        }
        return rows;
    }

    private List<DonationBatchService.Row> csvRows(byte[] body) {
        List<List<String>> records = CsvRecords.parse(new String(body, StandardCharsets.UTF_8));
        if (records.isEmpty()) {
            throw invalid("body", "an empty file");
        }
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.containsAll(List.of("fundid", "amount", "channel"))) {
            throw invalid("body", "headers fundId, amount, channel (reference, donorId optional); read " + records.get(0));
        }
        requireAtMostMaxRows(records.size() - 1);
        List<DonationBatchService.Row> rows = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> fields = records.get(i);
            Map<String, Object> values = new HashMap<>();
            try {
                for (int c = 0; c < header.size() && c < fields.size(); c++) {
                    String value = fields.get(c).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    // A spreadsheet's cells are text: the amount is read as a whole number here; other columns are ignored.
                    switch (header.get(c)) {
                        case "fundid" -> values.put("fundId", value);
                        case "donorid" -> values.put("donorId", value);
                        case "campaignid" -> values.put("campaignId", value);
                        case "channel", "reference" -> values.put(header.get(c), value);
                        case "amount" -> values.put("amount", wholeAmount(value));
                        default -> { }
                    }
                }
                rows.add(new DonationBatchService.Row(i + 1, json.convertValue(values, CashDonationRequest.class), null));
            } catch (IllegalArgumentException | JacksonException unreadable) {
                rows.add(new DonationBatchService.Row(i + 1, null, "unreadable: " + unreadable.getMessage()));
            }
        }
        return rows;
    }

    private static long wholeAmount(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notWhole) {
            throw new IllegalArgumentException("amount: not a whole number of đồng: " + text);
        }
    }

    @Operation(summary = "How far a batch sent with Prefer: respond-async is: rows recorded, repeats of earlier donations, rows waiting")
    @GetMapping("/api/v1/donations/batches/{batchId}")
    @PreAuthorize("hasAnyRole('OFFICER', 'AUDITOR')")
    public QueuedBatchIntake.BatchProgress progress(@PathVariable String batchId) {
        return queue.progress(batchId);
    }

    /**
     * Recorded before answering (200, each row accepted, repeated or refused), or — asked for with
     * {@code Prefer: respond-async} (RFC 7240) — queued: 202 as soon as the broker holds every good row,
     * each with its donation id, and a Location to follow the batch into the ledger. Crisis intake
     * takes the second: it answers at the broker's pace, not the ledger's.
     */
    private ResponseEntity<?> answer(List<DonationBatchService.Row> rows, String prefer, HttpServletRequest request) {
        if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            return ResponseEntity.ok(limited(() -> service.receive(rows)));
        }
        QueuedBatchIntake.QueuedBatch queued = limited(() -> queue.accept(rows, IdempotencyKeyFilter.requestKeyOf(request)));
        return ResponseEntity.accepted().location(URI.create("/api/v1/donations/batches/" + queued.batchId()))
                .header("Preference-Applied", "respond-async").body(queued);
    }

    private <T> T limited(Supplier<T> work) {
        try {
            return bulkhead.executeSupplier(work);
        } catch (BulkheadFullException busy) {
            throw ApiException.tooManyRequests(Duration.ofSeconds(2));
        }
    }

    private static void requireAtMostMaxRows(int rows) {
        if (rows > DonationBatchService.MAX_ROWS) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "batch-too-large", rows, DonationBatchService.MAX_ROWS);
        }
    }

    private static ApiException invalid(String field, String reason) {
        return ApiException.invalid(List.of(new FieldError(field, reason)));
    }
}
