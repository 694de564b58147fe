package vn.ansinh.registry.bulkimport;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class ImportController {

    private final ImportJobService service;

    public ImportController(ImportJobService service) {
        this.service = service;
    }

    /** Progress of an import; counts are rows of the file (one member per row); a FAILED job says why. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record JobView(String jobId, ImportJob.State state, String fileName, int totalRows, int processed, int accepted,
                          int rejected, int households, int duplicateCandidates, List<ImportJob.RowError> errors,
                          Instant createdAt, Instant finishedAt, String failureReason) {
        static JobView of(ImportJob job) {
            return new JobView(job.getId(), job.getState(), job.getFileName(), job.getTotalRows(), job.getProcessed(),
                    job.getAccepted(), job.getRejected(), job.getHouseholds(), job.getDuplicateCandidates(), job.getErrors(),
                    job.getCreatedAt(), job.getFinishedAt(), job.getFailureReason());
        }
    }

    // Both forms are one operation in the API description: the same summary and id, whichever springdoc reads first.
    @Operation(operationId = "importHouseholds", summary = "Import households from CSV, as a file upload (multipart, part file) or "
            + "as a text/csv body (fileName names its job), as a background job: one member per row, Vietnamese or English headers")
    @PostMapping(path = "/api/v1/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<JobView> importFile(@RequestPart("file") MultipartFile file) throws IOException {
        try (java.io.InputStream content = file.getInputStream()) {
            return accepted(service.start(file.getOriginalFilename(), content));
        }
    }

    // Both forms are one operation in the API description: the same summary and id, whichever springdoc reads first.
    @Operation(operationId = "importHouseholds", summary = "Import households from CSV, as a file upload (multipart, part file) or "
            + "as a text/csv body (fileName names its job), as a background job: one member per row, Vietnamese or English headers")
    @PostMapping(path = "/api/v1/households/import", consumes = "text/csv")
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<JobView> importBody(jakarta.servlet.http.HttpServletRequest request,
                                              @org.springframework.web.bind.annotation.RequestParam(name = "fileName", defaultValue = "upload.csv")
                                              @jakarta.validation.constraints.Size(max = 200)
                                              @jakarta.validation.constraints.Pattern(regexp = "^[^\\p{Cntrl}/\\\\]+$") String fileName)
            throws IOException {
        // Read as a stream (never the whole body in memory): the size limit filter cuts it off past the limit.
        return accepted(service.start(fileName, request.getInputStream()));
    }

    @Operation(summary = "Progress, counts and per-row errors of an import job")
    @GetMapping("/api/v1/jobs/{jobId}")
    public JobView job(@PathVariable String jobId) {
        return JobView.of(service.get(jobId));
    }

    @Operation(summary = "Import jobs of the caller's office (or a unit of its area), newest first, paged; errors on each job's own page")
    @GetMapping("/api/v1/jobs")
    public vn.ansinh.platform.web.PageResponse<JobView> jobs(
            @org.springframework.web.bind.annotation.RequestParam(name = "unit", required = false)
            @jakarta.validation.constraints.Pattern(regexp = vn.ansinh.platform.adminunit.UnitKeys.KEY_OR_NATIONAL) String unit,
            @org.springframework.web.bind.annotation.RequestParam(name = "page", defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @org.springframework.web.bind.annotation.RequestParam(name = "size", defaultValue = "50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(vn.ansinh.platform.web.PageResponse.MAX_SIZE) int size) {
        var found = service.list(unit, page, size);
        return vn.ansinh.platform.web.PageResponse.of(found.getContent(), found.getTotalElements(), page, size, JobView::of);
    }

    private static ResponseEntity<JobView> accepted(ImportJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/jobs/" + job.getId())
                .body(JobView.of(job));
    }
}
