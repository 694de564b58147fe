package vn.ansinh.distribution.verification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.VerificationUpdated;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * One sampled delivery to verify with the household: what the verifier found, and — when the household did
 * not receive it in full, or was not found — the case the campaign's office must answer.
 */
@Document("verifications")
class Verification extends OutboxDocument implements Audited {

    /** OPEN until the campaign's office answers it. */
    public enum CaseState {
        OPEN, ANSWERED
    }

    @Id
    private String id;
    @Indexed
    private String campaignId;
    private String sampleId;
    private String officeUnitCode;
    @Indexed(unique = true)
    private String deliveryId;
    private String householdId;
    private String unitCode;
    private Outcome outcome;
    private String note;
    private String verifiedBy;
    private Instant verifiedAt;
    private CaseState caseState;
    private String caseAnswer;
    private String caseAnsweredBy;
    private Instant caseAnsweredAt;

    protected Verification() {
    }

    Verification(String id, String campaignId, String sampleId, String officeUnitCode, String deliveryId, String householdId,
                 String unitCode) {
        this.id = id;
        this.campaignId = campaignId;
        this.sampleId = sampleId;
        this.officeUnitCode = officeUnitCode;
        this.deliveryId = deliveryId;
        this.householdId = householdId;
        this.unitCode = unitCode;
        told();
    }

    /** Tells reports where the verification stands (campaign and commune, never the household or the verifier). */
    private void told() {
        raise(Events.VERIFICATION_UPDATED, new VerificationUpdated(id, campaignId, unitCode, outcome == null ? null : outcome.name(),
                caseState == null ? null : caseState.name()));
    }

    @Override
    public String auditType() {
        return "verification";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    /**
     * Records what the verifier found; the same finding again changes nothing, another one is refused (a
     * finding is corrected by the office's answer to its case, not overwritten).
     *
     * @return false when it was already recorded so
     */
    boolean record(Outcome found, String text, String by, Instant at) {
        if (outcome != null) {
            if (outcome == found) {
                return false;
            }
            throw Refusal.conflict("verification.recorded", id, outcome);
        }
        outcome = found;
        note = text;
        verifiedBy = by;
        verifiedAt = at;
        if (found.isDiscrepancy()) {
            caseState = CaseState.OPEN;
        }
        auditAs("verification.recorded");
        told();
        return true;
    }

    /** The campaign's office answers the case a discrepancy opened. */
    void answer(String text, String by, Instant at) {
        if (caseState == null) {
            throw Refusal.conflict("verification.no-case", id);
        }
        caseState = CaseState.ANSWERED;
        caseAnswer = text;
        caseAnsweredBy = by;
        caseAnsweredAt = at;
        auditAs("verification.case-answered");
        told();
    }

    public String getId() {
        return id;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getSampleId() {
        return sampleId;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getNote() {
        return note;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public CaseState getCaseState() {
        return caseState;
    }

    public String getCaseAnswer() {
        return caseAnswer;
    }

    public String getCaseAnsweredBy() {
        return caseAnsweredBy;
    }

    public Instant getCaseAnsweredAt() {
        return caseAnsweredAt;
    }
}
