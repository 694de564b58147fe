package vn.ansinh.registry.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.registry.FeedbackRecorded;
import vn.ansinh.platform.audit.Audited;
import vn.ansinh.platform.domain.Refusal;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * What a resident told the office — left off a list, someone wrongly on one, aid not received — and what
 * the office did with it: who took it, what it concerns, the answer the resident reads, the closing. It
 * must be answered by its deadline; until then and after, every step is kept.
 */
@Document("feedback")
class Feedback extends OutboxDocument implements Audited {

    /** One step: what was done, by whom, when, with what note. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "FeedbackStep")
    public record Step(String action, String by, Instant at, String note) {
    }

    @Id
    private String id;
    @Indexed(unique = true)
    private String trackingCode;
    private FeedbackKind kind;
    @Indexed
    private String unitCode;
    private String hamlet;
    private String message;
    private String phone;
    private FeedbackState state;
    private String assignee;
    private String householdId;
    private String campaignId;
    private String deliveryId;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private Instant closedAt;
    private Instant submittedAt;
    private Instant deadline;
    private List<Step> history = new ArrayList<>();

    protected Feedback() {
    }

    Feedback(String id, String trackingCode, FeedbackKind kind, String unitCode, String hamlet, String message, String phone,
             Instant at, Instant deadline) {
        this.id = id;
        this.trackingCode = trackingCode;
        this.kind = kind;
        this.unitCode = unitCode;
        this.hamlet = hamlet;
        this.message = message;
        this.phone = phone;
        this.state = FeedbackState.RECEIVED;
        this.submittedAt = at;
        this.deadline = deadline;
        history.add(new Step("RECEIVED", "public", at, null));
        raiseRecorded();
    }

    @Override
    public String auditType() {
        return "feedback";
    }

    @Override
    public String auditUnit() {
        return unitCode;
    }

    /** Gives the feedback to an officer (again, to another one, until it is closed). */
    void assign(String to, String by, Instant at) {
        requireOpen();
        assignee = to;
        if (state == FeedbackState.RECEIVED) {
            state = FeedbackState.ASSIGNED;
        }
        step("ASSIGNED", by, at, to);
    }

    /** Says what the feedback concerns: a household of the registry, a campaign, a delivery. */
    void link(String household, String campaign, String delivery, String by, Instant at) {
        requireOpen();
        if (household == null && campaign == null && delivery == null) {
            throw Refusal.invalid("householdId", "feedback.link-something");
        }
        if (household != null) {
            householdId = household;
        }
        if (campaign != null) {
            campaignId = campaign;
        }
        if (delivery != null) {
            deliveryId = delivery;
        }
        step("LINKED", by, at, String.join(" ", java.util.stream.Stream.of(household, campaign, delivery)
                .filter(java.util.Objects::nonNull).toList()));
    }

    /** The office's answer, which the resident reads with the tracking code; it may be written again until closing. */
    void answer(String text, String by, Instant at) {
        requireOpen();
        answer = text;
        answeredBy = by;
        answeredAt = at;
        state = FeedbackState.ANSWERED;
        step("ANSWERED", by, at, null);
    }

    /** Closes answered feedback: an unanswered one would leave the resident without a word. */
    void close(String note, String by, Instant at) {
        requireOpen();
        if (state != FeedbackState.ANSWERED) {
            throw Refusal.conflict("feedback.unanswered", trackingCode);
        }
        state = FeedbackState.CLOSED;
        closedAt = at;
        step("CLOSED", by, at, note);
    }

    /** Past its deadline without an answer. */
    boolean isOverdue(Instant now) {
        return (state == FeedbackState.RECEIVED || state == FeedbackState.ASSIGNED) && now.isAfter(deadline);
    }

    private void requireOpen() {
        if (state == FeedbackState.CLOSED) {
            throw Refusal.conflict("feedback.closed", trackingCode);
        }
    }

    private void step(String action, String by, Instant at, String note) {
        history.add(new Step(action, by, at, note));
        auditAs("feedback." + action.toLowerCase(java.util.Locale.ROOT));
        raiseRecorded();
    }

    private void raiseRecorded() {
        raise(Events.FEEDBACK_RECORDED, new FeedbackRecorded(id, unitCode, kind.name(), state.name(), submittedAt, deadline,
                answeredAt, closedAt, householdId, campaignId, deliveryId));
    }

    public String getId() {
        return id;
    }

    public String getTrackingCode() {
        return trackingCode;
    }

    public FeedbackKind getKind() {
        return kind;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getHamlet() {
        return hamlet;
    }

    public String getMessage() {
        return message;
    }

    public String getPhone() {
        return phone;
    }

    public FeedbackState getState() {
        return state;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getHouseholdId() {
        return householdId;
    }

    public String getCampaignId() {
        return campaignId;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDeadline() {
        return deadline;
    }

    public List<Step> getHistory() {
        return List.copyOf(history);
    }
}
