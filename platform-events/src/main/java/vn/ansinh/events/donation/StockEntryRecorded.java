package vn.ansinh.events.donation;

import java.time.Instant;

/**
 * One movement of an office's stock of an item. Quantities are thousandths of the unit (1.5 kg is
 * 1500), so they add up exactly.
 *
 * @param kind RECEIVED, RESERVED, RELEASED or SPENT
 */
public record StockEntryRecorded(String stockItemId, String officeUnitCode, String item, String unit, long seq, String kind,
                                 long quantityThousandths, String campaignId, long receivedTotal, long reservedTotal,
                                 long spentTotal, Instant at) {
}
