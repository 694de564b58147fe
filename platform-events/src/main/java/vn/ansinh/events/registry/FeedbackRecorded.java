package vn.ansinh.events.registry;

import java.time.Instant;

/**
 * Feedback from a resident was received, assigned, linked, answered or closed: the whole state after the
 * change, so the newest event is all a reader needs. Never the resident's words, name or phone — counts
 * need only the unit, the kind, the state and the deadline.
 *
 * @param kind        LEFT_OFF, WRONGLY_LISTED, AID_NOT_RECEIVED or OTHER
 * @param state       RECEIVED, ASSIGNED, ANSWERED or CLOSED
 * @param deadline    by when the office must answer
 * @param householdId the household it was linked to, if any (likewise campaignId and deliveryId)
 */
public record FeedbackRecorded(String feedbackId, String unitCode, String kind, String state, Instant submittedAt,
                               Instant deadline, Instant answeredAt, Instant closedAt, String householdId, String campaignId,
                               String deliveryId) {
}
