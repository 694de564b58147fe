package vn.ansinh.reporting.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A campaign's verification after delivery in the communes shown: deliveries sampled, verified, what was
 * found, the verified rate (received in full over verified, in percent, two decimals; null before any
 * finding) and the cases still waiting for the office's answer.
 */
public record VerificationFigures(long sampled, long verified, long receivedInFull, long receivedInPart, long notReceived,
                                  long notFound, BigDecimal verifiedRatePercent, long openCases) {

    static final VerificationFigures NONE = new VerificationFigures(0, 0, 0, 0, 0, 0, null, 0);

    /** These figures with one more group of sampled deliveries, all with the same outcome and case state. */
    VerificationFigures plus(String outcome, String caseState, long count) {
        long full = receivedInFull + ("RECEIVED_IN_FULL".equals(outcome) ? count : 0);
        long verifiedNow = verified + (outcome == null ? 0 : count);
        return new VerificationFigures(sampled + count, verifiedNow, full,
                receivedInPart + ("RECEIVED_IN_PART".equals(outcome) ? count : 0), notReceived + ("NOT_RECEIVED".equals(outcome) ? count : 0),
                notFound + ("NOT_FOUND".equals(outcome) ? count : 0),
                verifiedNow == 0 ? null : BigDecimal.valueOf(full * 100).divide(BigDecimal.valueOf(verifiedNow), 2, RoundingMode.HALF_UP),
                openCases + ("OPEN".equals(caseState) ? count : 0));
    }
}
