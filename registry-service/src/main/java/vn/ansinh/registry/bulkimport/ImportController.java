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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;

@RestController
public class ImportController {

    private final ImportJobService service;

    public ImportController(ImportJobService service) {
        this.service = service;
    }

    /** Progress of an import; counts are rows of the file (one member per row). */
    public record JobView(String jobId, ImportJob.State state, String fileName, int totalRows, int processed, int accepted,
                          int rejected, int households, int duplicateCandidates, List<ImportJob.RowError> errors,
                          Instant createdAt, Instant finishedAt) {
        static JobView of(ImportJob job) {
            return new JobView(job.getId(), job.getState(), job.getFileName(), job.getTotalRows(), job.getProcessed(),
                    job.getAccepted(), job.getRejected(), job.getHouseholds(), job.getDuplicateCandidates(), job.getErrors(),
                    job.getCreatedAt(), job.getFinishedAt());
        }
    }

    @Operation(summary = "Import households from CSV (one member per row, Vietnamese or English headers) as a background job")
    @PostMapping(path = "/api/v1/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<JobView> importFile(@RequestPart("file") MultipartFile file) throws IOException {
        return accepted(service.start(file.getOriginalFilename(), file.getBytes()));
    }

    @Operation(summary = "Import households from a CSV body (text/csv)")
    @PostMapping(path = "/api/v1/households/import", consumes = "text/csv")
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<JobView> importBody(@RequestBody byte[] csv) {
        return accepted(service.start("upload.csv", csv));
    }

    @Operation(summary = "Progress, counts and per-row errors of an import job")
    @GetMapping("/api/v1/jobs/{jobId}")
    public JobView job(@PathVariable String jobId) {
        return JobView.of(service.get(jobId));
    }

    private static ResponseEntity<JobView> accepted(ImportJob job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", "/api/v1/jobs/" + job.getId())
                .body(JobView.of(job));
    }
}
