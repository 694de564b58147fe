package vn.ansinh.donation.statement;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fund's public statement: money in and out over a period, by day (Vietnam time), with donors as
 * they chose to be shown. Closing balance = opening balance + money in − money out, to the đồng. The
 * figures and days cover the whole period; the lines come a page at a time (newest last). A fund of one
 * of the office's organisations names it ({@code organisationCode}, {@code organisationName}).
 */
record FundStatement(String fundId, String fundName, String officeUnitCode, LocalDate from, LocalDate to,
                            long openingBalance, long moneyIn, long moneyOut, long closingBalance, long reservedNow,
                            List<Day> days, List<Line> lines, int page, int size, long totalLines, boolean last,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Payment payment,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String organisationCode,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String organisationName) {

    /**
     * How to give to the fund by bank transfer, when its office has set an account: what a donor's app
     * needs, and the VietQR payload to print or show (a transfer's description carries the transfer code).
     */
    public record Payment(String bankBin, String bankName, String accountNumber, String accountName, String transferCode,
                          String vietQr, List<AppealCode> appeals) {
    }

    /** A campaign's appeal on the fund: a transfer made with its code is meant for that campaign. */
    public record AppealCode(String name, String transferCode, String vietQr) {
    }

    public enum Direction {
        IN, OUT
    }

    /** One movement of money; {@code donor} for money in, {@code description} for money out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(LocalDate date, Direction direction, long amount, String donor, String channel, String description,
                       String campaignId, String receiptNumber) {

        Line(LocalDate date, Direction direction, long amount, String donor, String channel, String description, String campaignId) {
            this(date, direction, amount, donor, channel, description, campaignId, null);
        }
    }

    public record Day(LocalDate date, long moneyIn, long moneyOut) {
    }
}
