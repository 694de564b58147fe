package vn.ansinh.console.household;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.web.PageText;

/**
 * A district's household list from a spreadsheet (CSV, one member per row): uploaded as a background
 * job whose page shows a progress bar with counts and the bad rows with their line and reason. The page
 * can be left and found again in the list of the office's imports.
 */
@Controller
@RequestMapping("/households/import")
class HouseholdImportPages {

    private final ServiceApi registry;
    private final PageText text;

    HouseholdImportPages(ServiceApis services, PageText text) {
        this.registry = services.registry();
        this.text = text;
    }

    record Job(String jobId, String state, String fileName, int totalRows, int processed, int accepted, int rejected, int households,
               int duplicateCandidates, List<RowError> errors, Instant createdAt, Instant finishedAt, String failureReason) {
        Job {
            errors = errors == null ? List.of() : errors;
        }

        public boolean finished() {
            return "DONE".equals(state) || "FAILED".equals(state);
        }

        public int percent() {
            return totalRows <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, Math.round(processed * 100.0 / totalRows));
        }
    }

    record RowError(int row, String reason) {
    }

    @GetMapping
    String imports(Model model) {
        model.addAttribute("jobs", registry.getPage("/api/v1/jobs?size=20", Job.class).content());
        return "households/import";
    }

    @PostMapping
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("problem", text.of("batch.empty"));
            return imports(model);
        }
        Job job;
        try (InputStream content = file.getInputStream()) {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv" : file.getOriginalFilename();
            String path = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/v1/households/import")
                    .queryParam("fileName", name).encode().build().toUriString();
            job = registry.postCsv(path, content, file.getSize(), Job.class);
        } catch (ApiRefusal refused) {
            model.addAttribute("problem", refused.explanation());
            return imports(model);
        }
        return "redirect:/households/import/" + job.jobId();
    }

    @GetMapping("/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        Job job = registry.get("/api/v1/jobs/" + jobId.replaceAll("[^A-Za-z0-9-]", ""), Job.class);
        model.addAttribute("job", job);
        return "households/job";
    }


}
