package vn.ansinh.donation.ledger;

import java.util.List;

/**
 * Where a batch of receipts takes its receipt numbers: {@code count} consecutive numbers of the office in
 * one round trip, drawn by the writer for the receipts it is about to record — not one per request, and
 * none for a receipt the ledger already holds.
 */
@FunctionalInterface
public interface ReceiptNumbering {

    List<String> next(int count);
}
