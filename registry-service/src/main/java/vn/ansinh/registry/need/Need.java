package vn.ansinh.registry.need;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.registry.NeedChanged;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.events.OutboxDocument;

/** A need a resident reported through the public link, with every decision taken on it. */
@Document("needs")
class Need extends OutboxDocument implements Audited {

    /** One step of the need's life: who moved it to which state, when and why. */
    public record Step(NeedState state, String by, Instant at, String reason) {
    }

    @Id
    private String id;
    @Indexed(unique = true)
    private String trackingCode;
    private String fullName;
    private String phone;
    private String unitCode;
    private String hamlet;
    private List<NeedKind> kinds;
    private String note;
    private NeedState state;
    private String householdId;
    private List<Step> history = new ArrayList<>();
    private Instant submittedAt;
    private Instant updatedAt;

    protected Need() {
    }

    @Override
    public String auditType() {
        return "need";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    Need(String id, String trackingCode, String fullName, String phone, String unitCode, String hamlet,
         List<NeedKind> kinds, String note, Instant at) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.fullName = fullName;
        this.phone = phone;
        this.unitCode = unitCode;
        this.hamlet = hamlet;
        this.kinds = List.copyOf(kinds);
        this.note = note;
        this.state = NeedState.SUBMITTED;
        this.submittedAt = at;
        this.updatedAt = at;
        history.add(new Step(NeedState.SUBMITTED, "public", at, null));
        raise(Events.NEED_SUBMITTED, changed());
    }

    /** What other services learn of a need: where, what kinds, its state and household — never who asked. */
    private NeedChanged changed() {
        return new NeedChanged(id, unitCode, kinds.stream().map(Enum::name).toList(), state.name(), householdId, updatedAt);
    }

    void verify(String by, String note, Instant at) {
        move(List.of(NeedState.SUBMITTED), NeedState.VERIFIED, by, note, at);
        raise(Events.NEED_VERIFIED, changed());
    }

    /** Approval follows a verification: someone has seen the family before money or goods are promised. */
    void approve(String householdId, String by, String note, Instant at) {
        move(List.of(NeedState.VERIFIED), NeedState.APPROVED, by, note, at);
        this.householdId = householdId;
        raise(Events.NEED_APPROVED, changed());
    }

    void reject(String by, String reason, Instant at) {
        move(List.of(NeedState.SUBMITTED, NeedState.VERIFIED), NeedState.REJECTED, by, reason, at);
        raise(Events.NEED_REJECTED, changed());
    }

    private void move(List<NeedState> from, NeedState to, String by, String reason, Instant at) {
        if (!from.contains(state)) {
            throw Refusal.conflict("need.wrong-state", state);
        }
        state = to;
        updatedAt = at;
        history.add(new Step(to, by, at, reason));
    }

    public String getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPhone() {
        return phone;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getHamlet() {
        return hamlet;
    }

    public List<NeedKind> getKinds() {
        return kinds;
    }

    public String getNote() {
        return note;
    }

    public NeedState getState() {
        return state;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public List<Step> getHistory() {
        return List.copyOf(history);
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
