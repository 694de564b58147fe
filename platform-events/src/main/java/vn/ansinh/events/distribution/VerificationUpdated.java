package vn.ansinh.events.distribution;

/**
 * A sampled delivery's verification as it stands: drawn (no outcome yet), found (the outcome), its case
 * answered. Every event carries the whole state, so the newest wins; it names the campaign and commune,
 * never the household or the verifier, for the campaign's report.
 *
 * @param outcome   RECEIVED_IN_FULL, RECEIVED_IN_PART, NOT_RECEIVED or NOT_FOUND; null while not verified
 * @param caseState OPEN or ANSWERED when the outcome was a discrepancy, otherwise null
 */
public record VerificationUpdated(String verificationId, String campaignId, String unitCode, String outcome, String caseState) {
}
