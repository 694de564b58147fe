package vn.ansinh.donation.reservation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ansinh.platform.events.EventSourcedDocument;

/**
 * The answer given to a campaign's reservation request, kept so that the same request sent again gets
 * no second answer and changes nothing; saved with the answer's event.
 */
@Document("campaign_reservations")
public class CampaignReservation extends EventSourcedDocument {

    public enum State {
        CONFIRMED, REJECTED, CLOSED
    }

    @Id
    private String campaignId;
    private State state;
    private String reason;
    private String detail;
    private Instant answeredAt;
    private Instant closedAt;

    protected CampaignReservation() {
    }

    CampaignReservation(String campaignId, State state, String reason, String detail, Instant answeredAt) {
        this.campaignId = campaignId;
        this.state = state;
        this.reason = reason;
        this.detail = detail;
        this.answeredAt = answeredAt;
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

    public Instant getClosedAt() {
        return closedAt;
    }
}
