package vn.ansinh.donation.banking;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.ansinh.platform.adminunit.UnitKeys;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.web.PageResponse;

/** Bank statements imported by an office, and the credits among them that wait for an officer. */
@RestController
class BankStatementController {

    private final BankStatementImport statements;
    private final UnmatchedCredits unmatched;
    private final JsonMapper json;
    private final Validator validator;

    BankStatementController(BankStatementImport statements, UnmatchedCredits unmatched, JsonMapper json, Validator validator) {
        this.statements = statements;
        this.unmatched = unmatched;
        this.json = json;
        this.validator = validator;
    }

    /** A credit as an office works on it: the bank's words, never published. */
    public record CreditView(String id, String officeUnitCode, String bank, String accountNumber, String statementId, int row,
                             String reference, Instant bookedAt, long amount, String description, BankCredit.State state,
                             String fundId, String donationId, String receiptNumber, String settledBy, Instant settledAt,
                             String dismissReason) {
        static CreditView of(BankCredit credit) {
            return new CreditView(credit.getId(), credit.getOfficeUnitCode(), credit.getBank(), credit.getAccountNumber(),
                    credit.getStatementId(), credit.getRow(), credit.getReference(), credit.getBookedAt(), credit.getAmount(),
                    credit.getDescription(), credit.getState(), credit.getFundId(), credit.getDonationId(), credit.getReceiptNumber(),
                    credit.getSettledBy(), credit.getSettledAt(), credit.getDismissReason());
        }
    }

    record AssignRequest(@NotBlank @Size(max = 64) String fundId) {
    }

    record DismissRequest(@NotBlank @Size(max = 500) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String reason) {
    }

    @Operation(summary = "Import a bank's statement (CSV or XLSX as the bank exports it): each credit is recorded once as a BANK "
            + "donation by its transaction reference, in the fund whose transfer code its description carries; the others wait")
    @PostMapping(path = "/api/v1/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<BankStatementImport.StatementJob> importStatement(
            @RequestPart("file") MultipartFile file,
            @RequestParam("bank") @Pattern(regexp = "^[A-Za-z0-9._-]{1,40}$") String bank,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(name = "officeUnitCode", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String officeUnitCode,
            @RequestParam(name = "accountNumber", required = false) @Pattern(regexp = "^[A-Za-z0-9]{4,19}$") String accountNumber)
            throws IOException {
        if (file.isEmpty()) {
            throw Refusal.invalid("file", "is empty");
        }
        BankStatementImport.StatementJob job = statements.importStatement(officeUnitCode, bank, columnsOf(mapping), accountNumber,
                file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/v1/bank-statements/" + job.id())).body(job);
    }

    private StatementColumns columnsOf(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        StatementColumns columns;
        try {
            columns = json.readValue(mapping, StatementColumns.class);
        } catch (JacksonException notJson) {
            throw Refusal.invalid("mapping", "is not a JSON object of column names: " + notJson.getOriginalMessage());
        }
        Set<ConstraintViolation<StatementColumns>> violations = validator.validate(columns);
        if (!violations.isEmpty()) {
            List<Refusal.Field> fields = new ArrayList<>();
            violations.forEach(violation -> fields.add(new Refusal.Field("mapping." + violation.getPropertyPath(), violation.getMessage())));
            throw Refusal.invalid(fields);
        }
        return columns;
    }

    @Operation(summary = "What an import of a bank statement did: rows, credits recorded, repeated, waiting, refused with reasons")
    @GetMapping("/api/v1/bank-statements/{id}")
    public BankStatementImport.StatementJob job(@PathVariable String id) {
        return statements.job(id);
    }

    @Operation(summary = "Credits of imported statements that named no fund, oldest first (an office's area, paged)")
    @GetMapping("/api/v1/bank-statements/unmatched")
    public PageResponse<CreditView> waiting(
            @RequestParam(name = "officeUnitCode", required = false) @Pattern(regexp = UnitKeys.KEY_OR_NATIONAL) String officeUnitCode,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
            @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        var found = unmatched.waiting(officeUnitCode, page, size);
        return PageResponse.of(found.getContent(), found.getTotalElements(), page, size, CreditView::of);
    }

    @Operation(summary = "Put a waiting credit into a fund of its office: recorded there as a BANK donation, once")
    @PostMapping("/api/v1/bank-statements/unmatched/{id}/assign")
    @PreAuthorize("hasRole('OFFICER')")
    public CreditView assign(@PathVariable String id, @Valid @RequestBody AssignRequest request) {
        return CreditView.of(unmatched.assign(id, request.fundId()));
    }

    @Operation(summary = "Set a waiting credit aside as no gift (a refund, the bank's interest), with the reason")
    @PostMapping("/api/v1/bank-statements/unmatched/{id}/dismiss")
    @PreAuthorize("hasRole('OFFICER')")
    public CreditView dismiss(@PathVariable String id, @Valid @RequestBody DismissRequest request) {
        return CreditView.of(unmatched.dismiss(id, request.reason()));
    }
}
