package vn.ansinh.donation.banking;

import java.time.Instant;

/**
 * One transaction of a bank statement as read: money in ({@code amount} > 0) or out (< 0), when the bank
 * booked it, the bank's own reference for it, and the transfer's description as the sender typed it.
 */
record StatementLine(int row, Instant bookedAt, long amount, String reference, String description) {
}
