package vn.ansinh.distribution.housing;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.distribution.HouseUpdated;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A house built or repaired for a household in hardship ("nhà đại đoàn kết", "nhà tình thương"): approved
 * by the office with what it is expected to cost, built, handed over with what it cost, or cancelled.
 * Offices report the houses handed over each year, per unit ({@link HouseCounts}).
 */
@Document("houses")
public class House extends OutboxDocument implements Audited {

    public enum Kind { BUILD, REPAIR }

    public enum Stage { APPROVED, BUILDING, HANDED_OVER, CANCELLED }

    @Id
    private String id;
    private String officeUnitCode;
    private String organisationCode;
    private String householdId;
    /** Where the household lived when the house was approved: the counts per unit read it. */
    private String unitCode;
    private Kind kind;
    private String programme;
    private String fundedBy;
    /** The twinning (kết nghĩa) the house is built under, or null. */
    private String twinningId;
    private long estimatedCost;
    private Long cost;
    private Stage stage;
    private LocalDate approvedOn;
    private LocalDate startedOn;
    private LocalDate handedOverOn;
    private LocalDate cancelledOn;
    private String cancelReason;
    private Instant createdAt;

    protected House() {
    }

    House(String id, String officeUnitCode, String organisationCode, String householdId, String unitCode, Kind kind, String programme,
          String fundedBy, String twinningId, long estimatedCost, LocalDate approvedOn, Instant createdAt) {
        this.id = id;
        this.officeUnitCode = officeUnitCode;
        this.organisationCode = organisationCode;
        this.householdId = householdId;
        this.unitCode = unitCode;
        this.kind = kind;
        this.programme = programme;
        this.fundedBy = fundedBy;
        this.twinningId = twinningId;
        this.estimatedCost = estimatedCost;
        this.stage = Stage.APPROVED;
        this.approvedOn = approvedOn;
        this.createdAt = createdAt;
        auditAs("house.approved");
        told();
    }

    /** Tells reports where the house stands: the office, organisation and commune, never the household. */
    private void told() {
        raise(Events.HOUSE_UPDATED, new HouseUpdated(id, officeUnitCode, organisationCode, unitCode, kind.name(), stage.name(),
                programme, estimatedCost, cost, approvedOn, startedOn, handedOverOn, cancelledOn, twinningId));
    }

    /** Still to be handed over: a household has at most one such house at a time. */
    boolean inProgress() {
        return stage == Stage.APPROVED || stage == Stage.BUILDING;
    }

    /**
     * Building began on a day. The same day again changes nothing.
     *
     * @return whether anything changed
     */
    boolean start(LocalDate on, LocalDate today) {
        if (stage == Stage.BUILDING && on.equals(startedOn)) {
            return false;
        }
        requireStage(Stage.APPROVED);
        requireDay("on", on, approvedOn, today);
        stage = Stage.BUILDING;
        startedOn = on;
        auditAs("house.building");
        told();
        return true;
    }

    /**
     * The family moved in on a day; what the house cost in the end. A repair may be handed over without a
     * recorded start (it began and ended the same week): it started on the day it was handed over. The same
     * hand-over again changes nothing.
     *
     * @return whether anything changed
     */
    boolean handOver(LocalDate on, long finalCost, LocalDate today) {
        if (stage == Stage.HANDED_OVER && on.equals(handedOverOn) && cost != null && cost == finalCost) {
            return false;
        }
        if (stage != Stage.BUILDING && stage != Stage.APPROVED) {
            throw Refusal.conflict("house.wrong-stage", id, stage);
        }
        requireDay("on", on, startedOn != null ? startedOn : approvedOn, today);
        if (startedOn == null) {
            startedOn = on;
        }
        stage = Stage.HANDED_OVER;
        handedOverOn = on;
        cost = finalCost;
        auditAs("house.handed-over");
        told();
        return true;
    }

    /** Not to be built after all (the family moved away, the land is not theirs). The same again changes nothing. */
    boolean cancel(String reason, LocalDate today) {
        if (stage == Stage.CANCELLED) {
            return false;
        }
        if (stage == Stage.HANDED_OVER) {
            throw Refusal.conflict("house.wrong-stage", id, stage);
        }
        stage = Stage.CANCELLED;
        cancelledOn = today;
        cancelReason = reason;
        auditAs("house.cancelled");
        told();
        return true;
    }

    private void requireStage(Stage expected) {
        if (stage != expected) {
            throw Refusal.conflict("house.wrong-stage", id, stage);
        }
    }

    private static void requireDay(String field, LocalDate day, LocalDate notBefore, LocalDate today) {
        if (day.isAfter(today)) {
            throw Refusal.invalid(field, "in-the-future");
        }
        if (day.isBefore(notBefore)) {
            throw Refusal.invalid(field, "before-previous-stage");
        }
    }

    @Override
    public String auditType() {
        return "house";
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

    public String getHouseholdId() {
        return householdId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public Kind getKind() {
        return kind;
    }

    public String getProgramme() {
        return programme;
    }

    public String getFundedBy() {
        return fundedBy;
    }

    public String getTwinningId() {
        return twinningId;
    }

    public long getEstimatedCost() {
        return estimatedCost;
    }

    public Long getCost() {
        return cost;
    }

    public Stage getStage() {
        return stage;
    }

    public LocalDate getApprovedOn() {
        return approvedOn;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getHandedOverOn() {
        return handedOverOn;
    }

    public LocalDate getCancelledOn() {
        return cancelledOn;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
