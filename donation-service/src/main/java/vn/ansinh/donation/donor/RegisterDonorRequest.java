package vn.ansinh.donation.donor;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/donors}; the name may be left out only for an anonymous donor. */
record RegisterDonorRequest(
        @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String name,
        @NotNull DonorKind kind,
        @Pattern(regexp = "^(\\+84|84|0)(2|3|5|7|8|9)[0-9]{8,9}$") String phone,
        @Pattern(regexp = "^[0-9]{10}(-[0-9]{3})?$") String taxCode,
        PublicDisplay display) {
}
