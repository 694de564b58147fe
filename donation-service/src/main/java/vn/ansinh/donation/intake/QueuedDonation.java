package vn.ansinh.donation.intake;

/**
 * One row of a queued batch as it waits on {@code donation.intake}: checked, numbered and
 * attributed when the batch was taken, recorded in its fund's ledger by {@link QueuedDonationRecorder}.
 * It names the donor only by id: no name, phone or citizen id travels here.
 *
 * @param recordedBy the person (or machine client) who sent the batch, named on the ledger entry
 * @param office     the office of their token
 */
record QueuedDonation(String batchId, int row, String donationId, String fundId, long amount, String channel,
                      String reference, String donorId, String receiptNumber, String recordedBy, String office, String earmark) {

    /** What names the operation in the ledger: the bank's reference within the fund, else the donation itself. */
    String operationKey() {
        return DonationOperations.operationKey(fundId, channel, reference, donationId);
    }
}
