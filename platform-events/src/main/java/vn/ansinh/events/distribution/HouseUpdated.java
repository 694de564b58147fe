package vn.ansinh.events.distribution;

import java.time.LocalDate;

/**
 * A house built or repaired for a household in hardship, as it stands after each step: approved, building,
 * handed over, cancelled. Every event carries the whole state, so the newest wins; it names the office, the
 * organisation and the commune the house counts for, never the household, for the yearly count of houses
 * built or repaired per unit.
 *
 * @param unitCode         the commune the household lived in when the house was approved
 * @param organisationCode the office's organisation that runs the house, or null for the office itself
 * @param kind             BUILD or REPAIR
 * @param stage            APPROVED, BUILDING, HANDED_OVER or CANCELLED
 * @param cost             what it cost in the end, once handed over; otherwise null
 * @param twinningId       the twinning (kết nghĩa) it was built under, or null
 */
public record HouseUpdated(String houseId, String officeUnitCode, String organisationCode, String unitCode, String kind,
                           String stage, String programme, long estimatedCost, Long cost, LocalDate approvedOn,
                           LocalDate startedOn, LocalDate handedOverOn, LocalDate cancelledOn, String twinningId) {
}
