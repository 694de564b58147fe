package vn.ansinh.donation.intake;

/**
 * The operation key of a donation of money in its fund's ledger: a bank or QR reference names the
 * operation within the receiving fund (a reference is the bank's transaction id on the fund's own
 * account: another office's fund may well see the same string, and must neither be refused for it
 * nor be shown this fund's entry); money handed over at the office is its own operation. Every way
 * money comes in (a single donation, a batch, a bank statement) keys it so, which is why the same
 * transfer arriving by two of them is recorded once.
 */
public final class DonationOperations {

    private DonationOperations() {
    }

    public static String operationKey(String fundId, String channel, String reference, String donationId) {
        return reference == null ? "cash:" + donationId : "cash:" + fundId + ":" + channel + ":" + reference;
    }
}
