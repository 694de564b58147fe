package vn.ansinh.donation.intake;

import java.util.List;

/**
 * The body of {@code POST /api/v1/donations}, which takes money ({@code fundId, amount, channel,
 * reference?}) or goods ({@code officeUnitCode, items}). Types are checked when the body is read; the
 * rules of each kind are checked once the kind is known (see {@link CashDonationRequest} and
 * {@link InKindDonationRequest}).
 */
record DonationRequest(String donorId, String fundId, Long amount, Channel channel, String reference,
                              String officeUnitCode, List<InKindDonationRequest.Item> items, String campaignId,
                              String organisationCode) {

    boolean isGoods() {
        return items != null || (fundId == null && officeUnitCode != null);
    }

    CashDonationRequest asCash() {
        return new CashDonationRequest(donorId, fundId, amount, channel, reference, campaignId);
    }

    InKindDonationRequest asGoods() {
        return new InKindDonationRequest(donorId, officeUnitCode, items, organisationCode);
    }
}
