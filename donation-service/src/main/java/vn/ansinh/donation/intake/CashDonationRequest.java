package vn.ansinh.donation.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/donations} for money. {@code amount} is whole VND, at most 1,000 billion in
 * one donation: more is certainly a typing error.
 */
record CashDonationRequest(
        @Size(max = 64) String donorId,
        @NotBlank @Size(max = 64) String fundId,
        @NotNull @Positive @Max(1_000_000_000_000L) Long amount,
        @NotNull Channel channel,
        @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:/-]*$") String reference,
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._:-]*$") String campaignId) {

    CashDonationRequest(String donorId, String fundId, Long amount, Channel channel, String reference) {
        this(donorId, fundId, amount, channel, reference, null);
    }

    /** The campaign the gift is meant for, or null. */
    String earmark() {
        return campaignId == null || campaignId.isBlank() ? null : campaignId;
    }
}
