package vn.ansinh.distribution.verification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A random sample of a campaign's deliveries drawn for verification after delivery, with what it was drawn
 * from and the seed that reproduces it, and the people given the task of verifying it (besides auditors).
 */
@Document("verification_samples")
class VerificationSample extends OutboxDocument implements Audited {

    /** A commune's part of the sample. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SamplePart")
    public record Part(String unitCode, int deliveries, int drawn) {
    }

    @Id
    private String id;
    @Indexed
    private String campaignId;
    private String officeUnitCode;
    private long seed;
    private Integer requestedSize;
    private BigDecimal requestedSharePercent;
    private int drawn;
    private List<Part> byCommune;
    private List<String> verifiers;
    private String drawnBy;
    private Instant drawnAt;

    protected VerificationSample() {
    }

    VerificationSample(String id, String campaignId, String officeUnitCode, long seed, Integer requestedSize,
                       BigDecimal requestedSharePercent, List<Part> byCommune, List<String> verifiers, String drawnBy, Instant drawnAt) {
        this.id = id;
        this.campaignId = campaignId;
        this.officeUnitCode = officeUnitCode;
        this.seed = seed;
        this.requestedSize = requestedSize;
        this.requestedSharePercent = requestedSharePercent;
        this.byCommune = List.copyOf(byCommune);
        this.drawn = byCommune.stream().mapToInt(Part::drawn).sum();
        this.verifiers = List.copyOf(verifiers);
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
        auditAs("verification-sample.drawn");
    }

    @Override
    public String auditType() {
        return "verification-sample";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    boolean mayVerify(String username) {
        return verifiers.contains(username);
    }

    public String getId() {
        return id;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public long getSeed() {
        return seed;
    }

    public Integer getRequestedSize() {
        return requestedSize;
    }

    public BigDecimal getRequestedSharePercent() {
        return requestedSharePercent;
    }

    public int getDrawn() {
        return drawn;
    }

    public List<Part> getByCommune() {
        return byCommune;
    }

    public List<String> getVerifiers() {
        return verifiers;
    }

    public String getDrawnBy() {
        return drawnBy;
    }

    public Instant getDrawnAt() {
        return drawnAt;
    }
}
