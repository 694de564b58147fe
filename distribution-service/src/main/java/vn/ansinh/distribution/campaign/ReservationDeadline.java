package vn.ansinh.distribution.campaign;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import vn.ansinh.platform.domain.Refusal;

/**
 * The reservation's side of a campaign: donation-service's answer makes an approving campaign ACTIVE
 * or REJECTED with the reason; no answer within {@code ansinh.distribution.reservation-timeout} rejects
 * it and tells donation-service to give back anything it reserved (a confirmation after that closes it).
 */
@Service
class ReservationDeadline {

    private final MongoTemplate mongo;
    private final CampaignService campaigns;
    private final Clock clock;
    private final Duration reservationTimeout;

    ReservationDeadline(MongoTemplate mongo, CampaignService campaigns, Clock clock,
                        @Value("${ansinh.distribution.reservation-timeout:PT2M}") Duration reservationTimeout) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.clock = clock;
        this.reservationTimeout = reservationTimeout;
    }

    /** donation-service answered: the campaign starts, or is rejected with donation-service's reason. */
    public void reservationAnswered(String id, boolean confirmed, String reason, String detail) {
        Campaign campaign = mongo.findById(id, Campaign.class);
        if (campaign == null) {
            return;
        }
        boolean changed = confirmed ? campaign.reserved() || campaign.confirmedTooLate() : campaign.reject(reason, detail);
        if (changed) {
            campaigns.save(campaign);
        }
    }

    /** Campaigns whose reservation was not answered in time are rejected, and anything reserved meanwhile is released. */
    @Scheduled(fixedDelayString = "${ansinh.distribution.reservation-timeout-check:PT15S}")
    void rejectUnanswered() {
        Query waiting = Query.query(Criteria.where("state").is(CampaignState.APPROVING)
                .and("approvalRequestedAt").lt(clock.instant().minus(reservationTimeout)));
        for (Campaign campaign : mongo.find(waiting, Campaign.class)) {
            if (campaign.giveUpWaiting("Không nhận được trả lời giữ tiền và hàng trong " + reservationTimeout.toMinutes() + " phút")) {
                try {
                    campaigns.save(campaign);
                } catch (Refusal answeredMeanwhile) {
                    // the answer arrived while we were giving up: it wins
                }
            }
        }
    }

}
