package vn.ansinh.issuer.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import vn.ansinh.platform.web.PageResponse;

/** {@code /api/v1/users}: people's accounts, for administrators and for approvers within their area. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('ADMIN', 'APPROVER')")
@Validated
class UsersController {

    private final AccountAdministration administration;

    UsersController(AccountAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "Create an account; the answer carries the one-time code its person chooses a password with")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView.WithSetupCode create(@Valid @RequestBody AccountRequests.Create request) {
        return administration.create(request);
    }

    @Operation(summary = "Accounts of the caller's area (or of the office asked for, within it), by username")
    @GetMapping
    PageResponse<AccountView> list(@RequestParam(name = "office", required = false) String office,
                                   @RequestParam(name = "q", required = false) String search,
                                   @RequestParam(name = "page", defaultValue = "0") @Min(0) int page,
                                   @RequestParam(name = "size", defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        return administration.list(office, search, page, size);
    }

    @Operation(summary = "One account of the caller's area")
    @GetMapping("/{username}")
    AccountView get(@PathVariable String username) {
        return administration.get(username);
    }

    @Operation(summary = "Change a person's name, office or roles; only what is sent changes")
    @PatchMapping("/{username}")
    AccountView change(@PathVariable String username, @Valid @RequestBody AccountRequests.Change request) {
        return administration.change(username, request);
    }

    @Operation(summary = "Disable at once: no sign-in, no new token, no refresh; tokens already out expire within 10 minutes")
    @PostMapping("/{username}/disable")
    AccountView disable(@PathVariable String username) {
        return administration.disable(username);
    }

    @Operation(summary = "Enable a disabled account again; its person signs in with the password they had")
    @PostMapping("/{username}/enable")
    AccountView enable(@PathVariable String username) {
        return administration.enable(username);
    }

    @Operation(summary = "Clear the password and issue a new one-time code (a forgotten password, a handed-over account)")
    @PostMapping("/{username}/reset")
    AccountView.WithSetupCode reset(@PathVariable String username) {
        return administration.reset(username);
    }
}
