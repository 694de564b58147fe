package vn.ansinh.console.fund;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.ansinh.console.backend.ApiRefusal;
import vn.ansinh.console.backend.Page;
import vn.ansinh.console.backend.ServiceApi;
import vn.ansinh.console.backend.ServiceApis;
import vn.ansinh.console.signin.SignedInPerson;
import vn.ansinh.console.web.Flash;
import vn.ansinh.console.web.FormErrors;
import vn.ansinh.console.web.Ids;
import vn.ansinh.console.web.PageText;

/**
 * Bank transfers: a fund's account and its VietQR code (set on the fund's page, printed, shown on the
 * public statement), and the office's bank statements: upload one with the bank's column names, see
 * what it recorded, and work through the credits that named no fund.
 */
@Controller
class BankPages {

    /** The columns most Vietnamese banks' statements carry, offered until the office has imported one. */
    static final Map<String, String> USUAL_COLUMNS = Map.of("date", "Ngày giao dịch", "credit", "Số tiền ghi có",
            "debit", "Số tiền ghi nợ", "reference", "Số tham chiếu", "description", "Nội dung chi tiết", "separator", ",");

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final ServiceApi donation;
    private final PageText text;

    BankPages(ServiceApis services, PageText text) {
        this.donation = services.donation();
        this.text = text;
    }

    record Job(String id, String bank, String fileName, int rows, int credits, int debits, int recorded, int repeated,
               int alreadyImported, int unmatched, int refused, List<RowError> errors) {
        Job {
            errors = errors == null ? List.of() : errors;
        }
    }

    record RowError(int row, String reason) {
    }

    record Credit(String id, String bank, String reference, Instant bookedAt, long amount, String description, String state) {
    }

    /** The fund's account form, posted from the fund's page. */
    @PostMapping("/funds/{id}/bank-account")
    String setAccount(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("bankBin", form.getOrDefault("bankBin", "").trim());
        account.put("bankName", form.getOrDefault("bankName", "").trim());
        account.put("accountNumber", form.getOrDefault("accountNumber", "").replaceAll("[\\s.-]", ""));
        account.put("accountName", form.getOrDefault("accountName", "").trim());
        try {
            donation.put("/api/v1/funds/" + Ids.of(id) + "/bank-account", account);
            redirect.addFlashAttribute("notice", text.of("bank.account.saved"));
        } catch (ApiRefusal refused) {
            redirect.addFlashAttribute("accountErrors", FormErrors.of(refused));
            redirect.addFlashAttribute("accountValues", form);
        }
        return "redirect:/funds/" + Ids.of(id) + "#bank-account";
    }

    /** A campaign's appeal on the fund: its own transfer code and VietQR code. */
    @PostMapping("/funds/{id}/appeals")
    String openAppeal(@PathVariable String id, @RequestParam(name = "campaignId", defaultValue = "") String campaignId,
                      @RequestParam(name = "name", defaultValue = "") String name, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of("bank.appeal.opened"), () -> donation.post("/api/v1/funds/" + Ids.of(id) + "/appeals",
                Map.of("campaignId", campaignId.trim(), "name", name.trim())));
        return "redirect:/funds/" + Ids.of(id) + "#appeals";
    }

    /** An appeal's VietQR image, for the office's poster and the public statement. */
    @GetMapping(path = "/public/funds/{id}/appeals/{code}/vietqr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> appealCode(@PathVariable String id, @PathVariable String code, jakarta.servlet.http.HttpServletRequest request) {
        return png(donation.getPublicBytes("/api/v1/public/funds/" + Ids.of(id) + "/appeals/" + Ids.of(code) + "/vietqr?format=png",
                request.getRemoteAddr()));
    }

    /** The fund's VietQR image for its office (to print on a poster). */
    @GetMapping(path = "/funds/{id}/vietqr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> fundCode(@PathVariable String id) {
        return png(donation.getBytes("/api/v1/funds/" + Ids.of(id) + "/vietqr?format=png"));
    }

    /** The same image on the public statement. */
    @GetMapping(path = "/public/funds/{id}/vietqr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> publicCode(@PathVariable String id, jakarta.servlet.http.HttpServletRequest request) {
        return png(donation.getPublicBytes("/api/v1/public/funds/" + Ids.of(id) + "/vietqr?format=png", request.getRemoteAddr()));
    }

    private static ResponseEntity<byte[]> png(byte[] image) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(image);
    }

    @GetMapping("/bank-statements")
    String statements(@ModelAttribute("person") SignedInPerson person, @RequestParam(name = "page", defaultValue = "0") int page,
                      Model model) {
        Page<Credit> waiting = donation.getPage(UriComponentsBuilder.fromPath("/api/v1/bank-statements/unmatched")
                .queryParam("page", Math.max(0, page)).queryParam("size", 50).build().toUriString(), Credit.class);
        model.addAttribute("waiting", waiting);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("funds", donation.getPage(UriComponentsBuilder.fromPath("/api/v1/funds")
                .queryParam("officeUnitCode", person.office()).queryParam("size", 200).build().toUriString(), FundPages.Fund.class)
                .content().stream().filter(fund -> fund.officeUnitCode().equals(person.office())).toList());
        if (!model.containsAttribute("columns")) {
            model.addAttribute("columns", USUAL_COLUMNS);
        }
        return "funds/bank-statements";
    }

    /** A statement uploaded with its bank's column names: what it recorded, repeated, left waiting or could not read. */
    @PostMapping("/bank-statements")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam Map<String, String> form,
                  @ModelAttribute("person") SignedInPerson person, Model model) throws java.io.IOException {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String column : List.of("date", "credit", "debit", "amount", "reference", "description", "dateFormat", "separator")) {
            String value = form.getOrDefault(column, "").trim();
            if (!value.isEmpty()) {
                columns.put(column, value.equals("tab") ? "\\t" : value);
            }
        }
        model.addAttribute("columns", columns);
        model.addAttribute("bank", form.getOrDefault("bank", ""));
        if (file.isEmpty()) {
            model.addAttribute("problem", text.of("batch.empty"));
            return statements(person, 0, model);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("bank", form.getOrDefault("bank", "").trim());
        fields.put("mapping", JSON.writeValueAsString(columns));
        String account = form.getOrDefault("accountNumber", "").replaceAll("[\\s.-]", "");
        if (!account.isEmpty()) {
            fields.put("accountNumber", account);
        }
        try {
            model.addAttribute("job", donation.postForm("/api/v1/bank-statements", fields, file.getOriginalFilename(), file.getBytes(),
                    Job.class));
        } catch (ApiRefusal refused) {
            model.addAttribute("problem", refused.forPeople());
        }
        return statements(person, 0, model);
    }

    @PostMapping("/bank-statements/unmatched/{id}/assign")
    String assign(@PathVariable String id, @RequestParam(name = "fundId", defaultValue = "") String fundId, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of("bank.credit.assigned"), () -> donation.post(
                "/api/v1/bank-statements/unmatched/" + Ids.of(id) + "/assign", Map.of("fundId", fundId)));
        return "redirect:/bank-statements";
    }

    @PostMapping("/bank-statements/unmatched/{id}/dismiss")
    String dismiss(@PathVariable String id, @RequestParam(name = "reason", defaultValue = "") String reason, RedirectAttributes redirect) {
        Flash.outcome(redirect, text.of("bank.credit.dismissed"), () -> donation.post(
                "/api/v1/bank-statements/unmatched/" + Ids.of(id) + "/dismiss", Map.of("reason", reason.trim())));
        return "redirect:/bank-statements";
    }
}
