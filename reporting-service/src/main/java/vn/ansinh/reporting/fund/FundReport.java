package vn.ansinh.reporting.fund;

import java.time.Instant;

/**
 * A fund's position from its ledger: every figure in whole VND.
 *
 * @param balance   received minus spent: the money the fund holds
 * @param available balance minus what is reserved for campaigns
 * @param organisationCode the office's organisation the fund belongs to; {@code null} for the office's own
 */
record FundReport(String fundId, String name, String officeUnitCode, String purpose, long received, long reserved,
                         long spent, long balance, long available, long cashDonations, Instant lastEntryAt,
                         String organisationCode) {
}
