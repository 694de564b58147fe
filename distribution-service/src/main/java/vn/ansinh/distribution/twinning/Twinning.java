package vn.ansinh.distribution.twinning;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * An agency twinned (kết nghĩa) with a village or hamlet for years — in Pleiku each agency supports one
 * ethnic-minority village: houses for its poor households, gifts, health-insurance cards. What it gives is
 * recorded against the twinning ({@link Contribution}); houses approved under it count too.
 */
@Document("twinnings")
public class Twinning extends OutboxDocument implements Audited {

    enum State { ACTIVE, ENDED }

    @Id
    private String id;
    private String officeUnitCode;
    private String organisationCode;
    private String agency;
    /** The commune (or ward) the village belongs to. */
    private String unitCode;
    /** The village or hamlet (làng, buôn, thôn, ấp), as the commune names it. */
    private String village;
    private String villageKey;
    private LocalDate since;
    private State state;
    private LocalDate endedOn;
    private String endReason;
    private Instant createdAt;

    protected Twinning() {
    }

    Twinning(String id, String officeUnitCode, String organisationCode, String agency, String unitCode, String village, LocalDate since,
             Instant createdAt) {
        this.id = id;
        this.officeUnitCode = officeUnitCode;
        this.organisationCode = organisationCode;
        this.agency = agency;
        this.unitCode = unitCode;
        this.village = village;
        this.villageKey = villageKey(village);
        this.since = since;
        this.state = State.ACTIVE;
        this.createdAt = createdAt;
        auditAs("twinning.agreed");
    }

    /**
     * A village's name however it was typed ("Làng Ia Mơ Nông", "lang ia mo nong"): what the twinnings of
     * one village of a commune share, for the village's report over the years.
     */
    static String villageKey(String village) {
        return vn.ansinh.platform.text.VietnameseNames.searchKey(village).strip();
    }

    /** The twinning ended (the agency was merged, the village reached its target). Ending it again on the same day changes nothing. */
    boolean end(LocalDate on, String reason, LocalDate today) {
        if (state == State.ENDED) {
            if (on.equals(endedOn)) {
                return false;
            }
            throw Refusal.conflict("twinning.ended", id, endedOn);
        }
        if (on.isBefore(since) || on.isAfter(today)) {
            throw Refusal.invalid("on", on.isAfter(today) ? "in-the-future" : "before-the-twinning");
        }
        state = State.ENDED;
        endedOn = on;
        endReason = reason;
        auditAs("twinning.ended");
        return true;
    }

    /** Whether a contribution on this day falls within the twinning. */
    boolean covers(LocalDate day) {
        return !day.isBefore(since) && (endedOn == null || !day.isAfter(endedOn));
    }

    @Override
    public java.util.Set<String> auditDerivedFields() {
        return java.util.Set.of("villageKey");
    }

    @Override
    public String auditType() {
        return "twinning";
    }

    @Override
    public String auditUnit() {
        return officeUnitCode;
    }

    public String getId() {
        return id;
    }

    public String getOfficeUnitCode() {
        return officeUnitCode;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getAgency() {
        return agency;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getVillage() {
        return village;
    }

    public LocalDate getSince() {
        return since;
    }

    public State getState() {
        return state;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getEndReason() {
        return endReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
