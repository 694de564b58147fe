package vn.ansinh.donation.banking;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import vn.ansinh.platform.web.PerClientRateLimiter;

/** A fund's bank account and its VietQR code: set by its office, printed on posters, shown on the public statement. */
@RestController
class BankAccountController {

    private static final int PNG_SIZE = 480;

    private final FundBankAccounts accounts;
    private final PerClientRateLimiter rateLimiter;

    BankAccountController(FundBankAccounts accounts,
                          @Value("${ansinh.donation.public-statement.requests-per-minute:60}") int requestsPerMinute) {
        this.accounts = accounts;
        this.rateLimiter = new PerClientRateLimiter(requestsPerMinute, Duration.ofMinutes(1));
    }

    /** A fund's account and transfer code, with the VietQR payload of a transfer of any amount into it. */
    public record BankAccountView(String fundId, String officeUnitCode, String bankBin, String bankName, String accountNumber,
                                  String accountName, String transferCode, String vietQr) {
        static BankAccountView of(FundBankAccount account) {
            return new BankAccountView(account.getFundId(), account.getOfficeUnitCode(), account.getBankBin(), account.getBankName(),
                    account.getAccountNumber(), account.getAccountName(), account.getTransferCode(), account.vietQr(null));
        }
    }

    /** The VietQR code of a transfer into a fund, with what a donor's app will show. */
    public record VietQrView(String fundId, String payload, String bankBin, String bankName, String accountNumber, String accountName,
                             String transferCode, Long amount) {
    }

    /** A campaign's appeal on a fund: its own transfer code and VietQR payload on the fund's account. */
    public record AppealView(String transferCode, String fundId, String campaignId, String name, java.time.Instant openedAt, String vietQr) {
        static AppealView of(Appeal appeal, FundBankAccount account) {
            return new AppealView(appeal.getTransferCode(), appeal.getFundId(), appeal.getCampaignId(), appeal.getName(),
                    appeal.getOpenedAt(), account.vietQr(null, appeal.getTransferCode()));
        }
    }

    @Operation(summary = "Open a campaign's appeal on a fund with an account: a transfer code and VietQR code of its own, whose "
            + "transfers are recorded into the fund as meant for the campaign (once per fund and campaign)")
    @org.springframework.web.bind.annotation.PostMapping("/api/v1/funds/{id}/appeals")
    @PreAuthorize("hasRole('OFFICER')")
    public ResponseEntity<AppealView> openAppeal(@PathVariable String id, @Valid @RequestBody AppealRequest request) {
        FundBankAccount account = accounts.of(id);
        Appeal appeal = accounts.openAppeal(id, request);
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED).body(AppealView.of(appeal, account));
    }

    @Operation(summary = "A fund's appeals with their codes")
    @GetMapping("/api/v1/funds/{id}/appeals")
    public java.util.List<AppealView> appeals(@PathVariable String id) {
        FundBankAccount account = accounts.of(id);
        return accounts.appealsOf(account.getFundId()).stream().map(appeal -> AppealView.of(appeal, account)).toList();
    }

    @Operation(summary = "PUBLIC: an appeal's VietQR payment code (JSON or format=png)")
    @GetMapping("/api/v1/public/funds/{id}/appeals/{code}/vietqr")
    public ResponseEntity<?> publicAppealQr(@PathVariable String id, @PathVariable @Pattern(regexp = "^AS[0-9A-Z]{6}$") String code,
                                            @RequestParam(name = "format", defaultValue = "json") @Pattern(regexp = "^(json|png)$") String format,
                                            @RequestParam(name = "amount", required = false) @Min(1) @Max(1_000_000_000_000L) Long amount,
                                            HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        return answer(accounts.ofAnyFund(id), accounts.appeal(id, code).getTransferCode(), format, amount);
    }

    @Operation(summary = "Set or correct the bank account a fund takes transfers into (its transfer code stays the same)")
    @PutMapping("/api/v1/funds/{id}/bank-account")
    @PreAuthorize("hasRole('OFFICER')")
    public BankAccountView set(@PathVariable String id, @Valid @RequestBody BankAccountRequest request) {
        return BankAccountView.of(accounts.set(id, request));
    }

    @Operation(summary = "A fund's bank account and transfer code (404 when none is set)")
    @GetMapping("/api/v1/funds/{id}/bank-account")
    public BankAccountView get(@PathVariable String id) {
        return BankAccountView.of(accounts.of(id));
    }

    @Operation(summary = "A fund's VietQR payment code: the payload as JSON, or a PNG image (format=png) to print")
    @GetMapping("/api/v1/funds/{id}/vietqr")
    public ResponseEntity<?> vietQr(@PathVariable String id,
                                    @RequestParam(name = "format", defaultValue = "json") @Pattern(regexp = "^(json|png)$") String format,
                                    @RequestParam(name = "amount", required = false) @Min(1) @Max(1_000_000_000_000L) Long amount) {
        FundBankAccount account = accounts.of(id);
        return answer(account, account.getTransferCode(), format, amount);
    }

    @Operation(summary = "PUBLIC: a fund's VietQR payment code, to give by bank transfer (JSON or format=png)")
    @GetMapping("/api/v1/public/funds/{id}/vietqr")
    public ResponseEntity<?> publicVietQr(@PathVariable String id,
                                          @RequestParam(name = "format", defaultValue = "json") @Pattern(regexp = "^(json|png)$") String format,
                                          @RequestParam(name = "amount", required = false) @Min(1) @Max(1_000_000_000_000L) Long amount,
                                          HttpServletRequest http) {
        rateLimiter.acquire(http.getRemoteAddr());
        FundBankAccount account = accounts.ofAnyFund(id);
        return answer(account, account.getTransferCode(), format, amount);
    }

    /** A code on the fund's account (its own, or an appeal's) as JSON or as a PNG image. */
    private static ResponseEntity<?> answer(FundBankAccount account, String code, String format, Long amount) {
        if (format.equals("png")) {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                    .body(VietQr.png(account.vietQr(amount, code), PNG_SIZE));
        }
        return ResponseEntity.ok(new VietQrView(account.getFundId(), account.vietQr(amount, code), account.getBankBin(),
                account.getBankName(), account.getAccountNumber(), account.getAccountName(), code, amount));
    }
}
