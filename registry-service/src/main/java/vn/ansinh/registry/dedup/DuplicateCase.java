package vn.ansinh.registry.dedup;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * Two households that may be one, waiting for a district officer. Its id is made of the two
 * household ids, so the same pair never opens a second case, whichever of them is registered first.
 */
@Document("duplicate_cases")
public class DuplicateCase extends OutboxDocument implements Audited {

    @Id
    private String id;
    private List<String> householdIds;
    private List<String> unitCodes;
    private double score;
    private List<MatchReason> reasons;
    /** The comparison the case was opened on, field by field ({@code NAME: EXACT}...): with the decision, a labelled example. */
    private java.util.Map<String, String> levels;
    private CaseState state;
    private Instant openedAt;
    private String resolvedBy;
    private Instant resolvedAt;
    private String keptHouseholdId;

    protected DuplicateCase() {
    }

    @Override
    public String auditType() {
        return "duplicate-case";
    }

    /** The unit of the household registered second, whose office the case was opened for. */
    @Override
    public String auditUnit() {
        return unitCodes == null || unitCodes.isEmpty() ? null : unitCodes.get(0);
    }

    /**
     * The case of a pair, the same whichever side registered second, and opaque: a case id is shown to
     * offices that may see only one of the two households, so it must not spell out the other's id.
     */
    public static String idOf(String householdA, String householdB) {
        String pair = householdA.compareTo(householdB) < 0 ? householdA + "~" + householdB : householdB + "~" + householdA;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "dc-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    /** @throws Refusal once the case is decided: a pair is decided once */
    void requireOpen() {
        if (state != CaseState.OPEN) {
            throw Refusal.conflict("duplicate-case.resolved", id);
        }
    }

    void resolve(CaseState decision, String keptHouseholdId, String by, Instant at) {
        requireOpen();
        auditAs(decision == CaseState.MERGED ? "duplicate-case.merged" : "duplicate-case.not-duplicate");
        this.state = decision;
        this.keptHouseholdId = keptHouseholdId;
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    static java.util.Map<String, String> levelNames(int[] levels) {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        for (Comparison.Field field : Comparison.Field.values()) {
            named.put(field.name(), field.levels().get(levels[field.ordinal()]));
        }
        return named;
    }

    /** The comparison the case was opened on, one level per field; null for a case from before levels were kept. */
    int[] levelVector() {
        if (levels == null) {
            return null;
        }
        int[] vector = new int[Comparison.Field.values().length];
        for (Comparison.Field field : Comparison.Field.values()) {
            int level = field.levels().indexOf(levels.get(field.name()));
            if (level < 0) {
                return null;
            }
            vector[field.ordinal()] = level;
        }
        return vector;
    }

    public String getId() {
        return id;
    }

    public List<String> getHouseholdIds() {
        return householdIds;
    }

    public List<String> getUnitCodes() {
        return unitCodes;
    }

    public double getScore() {
        return score;
    }

    public List<MatchReason> getReasons() {
        return reasons;
    }

    public CaseState getState() {
        return state;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getKeptHouseholdId() {
        return keptHouseholdId;
    }
}
