package vn.ansinh.donation.fund;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/funds/{id}/disbursements}: money the office pays out of the fund directly (two
 * great-solidarity houses, 93 health-insurance cards), outside a campaign. {@code reference} (a
 * payment order number) makes a repeated request the same payment. {@code description} stays inside the
 * office; {@code publicDescription} is what the office chooses to publish on the fund's public statement
 * (without it the statement says only "Chi hỗ trợ trực tiếp"), so no name typed into a description
 * reaches a public page by accident.
 */
record DisbursementRequest(
        @NotNull @Positive @Max(1_000_000_000_000L) Long amount,
        @NotBlank @Size(max = 300) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String description,
        @Size(max = 120) @Pattern(regexp = "^[\\p{L}\\p{N} .,;:()/%+'-]*$") String publicDescription,
        @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:/-]*$") String reference) {
}
