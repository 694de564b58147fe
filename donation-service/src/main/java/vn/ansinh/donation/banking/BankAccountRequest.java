package vn.ansinh.donation.banking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/v1/funds/{id}/bank-account}: the account transfers to the fund go into, as the bank
 * names it. The account holder's name is what the donor's app shows before the donor confirms.
 */
record BankAccountRequest(
        @NotBlank @Pattern(regexp = "^\\d{6}$") String bankBin,
        @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String bankName,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9]{4,19}$") String accountNumber,
        @NotBlank @Size(max = 100) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String accountName) {
}
