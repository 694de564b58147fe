package vn.ansinh.donation.reservation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.events.Events;
import vn.ansinh.events.donation.ReservationAnswered;
import vn.ansinh.platform.events.OutboxDocument;

/**
 * A campaign's reservation as donation-service keeps it: the answer given to its request (kept so that
 * the same request sent again gets no second answer), and its close — asked for by the campaign,
 * carried out only once every delivery the campaign had recorded before it has been spent or refused.
 */
@Document("campaign_reservations")
class CampaignReservation extends OutboxDocument {

    public enum State {
        CONFIRMED, REJECTED, CLOSED
    }

    @Id
    private String campaignId;
    private State state;
    private String reason;
    private String detail;
    private Instant answeredAt;
    private Instant closeRequestedAt;
    private String closeReason;
    /** Deliveries and reverts the campaign had recorded when it closed; null when the close did not say. */
    private Long deliveriesBeforeClose;
    private Long revertsBeforeClose;
    private Instant closedAt;

    protected CampaignReservation() {
    }

    CampaignReservation(String campaignId, State state, String reason, String detail, Instant answeredAt) {
        this.campaignId = campaignId;
        this.state = state;
        this.reason = reason;
        this.detail = detail;
        this.answeredAt = answeredAt;
        raise(state == State.CONFIRMED ? Events.RESERVATION_CONFIRMED : Events.RESERVATION_REJECTED,
                new ReservationAnswered(campaignId, reason, detail));
    }

    public String getCampaignId() {
        return campaignId;
    }

    public State getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getCloseRequestedAt() {
        return closeRequestedAt;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public Long getDeliveriesBeforeClose() {
        return deliveriesBeforeClose;
    }

    public Long getRevertsBeforeClose() {
        return revertsBeforeClose;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }
}
