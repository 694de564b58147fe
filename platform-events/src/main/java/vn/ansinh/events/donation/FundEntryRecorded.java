package vn.ansinh.events.donation;

import java.time.Instant;

/**
 * One movement of a fund's ledger, in order ({@code seq} is also the event's sequence under the
 * fund's key). Totals after it are carried so that a read model never has to add up the history.
 *
 * @param kind RECEIVED, RESERVED, RELEASED or SPENT
 */
public record FundEntryRecorded(String fundId, String officeUnitCode, long seq, String kind, long amount, String campaignId,
                                long receivedTotal, long reservedTotal, long spentTotal, Instant at) {
}
