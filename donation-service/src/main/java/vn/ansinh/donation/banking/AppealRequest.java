package vn.ansinh.donation.banking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/funds/{id}/appeals}: a campaign's appeal for transfers into the fund. */
record AppealRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._:-]*$") String campaignId,
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name) {
}
