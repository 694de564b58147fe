package vn.ansinh.reporting.projection;

import java.util.List;

/**
 * Verifications after delivery as distribution-service published them: one document per sampled
 * delivery with its campaign, commune, outcome and case state — never the household or the verifier.
 */
public final class VerificationView {

    public static final String COLLECTION = "verification_view";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String UNIT_CODE = "unitCode";
    /** Absent while the delivery has not been verified. */
    public static final String OUTCOME = "outcome";
    /** OPEN or ANSWERED for a discrepancy, absent otherwise. */
    public static final String CASE_STATE = "caseState";

    static final List<String> INDEXED = List.of(CAMPAIGN_ID);

    private VerificationView() {
    }
}
