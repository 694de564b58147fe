package vn.ansinh.issuer.account;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator sends to create or change an account. */
final class AccountRequests {

    private AccountRequests() {
    }

    /**
     * @param username the person's sign-in name, e.g. {@code lan.nguyen}
     * @param name     their full name, as it appears on papers they sign
     * @param office   the unit code of their office
     * @param roles    OFFICER, APPROVER, AUDITOR, ADMIN
     * @param organisation the code of the office's organisation the person acts for (the Women's Union,
     *                 {@code HLHPN}); left out, the person acts for the office itself
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CreateAccountRequest")
    record Create(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 120) String name,
                  @NotBlank @Pattern(regexp = "VN|\\d{2,5}") String office, @NotEmpty List<@NotBlank String> roles,
                  @Pattern(regexp = ORGANISATION) String organisation) {
    }

    /**
     * Only what is sent changes; {@code organisation} "" makes the person act for the office itself again.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ChangeAccountRequest")
    record Change(@Size(min = 1, max = 120) String name, @Pattern(regexp = "VN|\\d{2,5}") String office,
                  @Size(min = 1) List<@NotBlank String> roles, @Pattern(regexp = "|" + ORGANISATION) String organisation) {
    }

    /** An organisation's code within its office, as {@code CallerOffice.ORGANISATION_CODE} reads it from tokens. */
    static final String ORGANISATION = "[A-Z0-9][A-Z0-9-]{1,19}";
}
