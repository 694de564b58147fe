package vn.ansinh.reporting.projection;

import java.util.List;

/** donation-service's answer to a campaign's reservation: one document per campaign, by its id. */
final class ReservationAnswerView {

    public static final String COLLECTION = "reservation_answer_view";
    public static final String CONFIRMED = "confirmed";
    public static final String REASON = "reason";

    static final List<String> INDEXED = List.of();

    private ReservationAnswerView() {
    }
}
