package vn.ansinh.donation.statement;

import java.time.LocalDate;
import java.util.List;

/**
 * PUBLIC: an office's money over a period, part by part — the office's own funds first, then each of its
 * organisations' (the ward's Fatherland Front, Women's Union, Youth Union...) — and in total. Each part's
 * closing = opening + in − out, to the đồng, and the total is the sum of the parts: no fund is in two
 * parts. Each fund's own statement has its lines.
 */
record OfficeStatement(String officeUnitCode, LocalDate from, LocalDate to, List<OrganisationPart> parts, StatementFigures total) {

    /** Opening balance, money in and out over the period, closing balance, in whole VND. */
    public record StatementFigures(long openingBalance, long moneyIn, long moneyOut, long closingBalance) {

        static final StatementFigures NONE = new StatementFigures(0, 0, 0, 0);

        StatementFigures plus(StatementFigures other) {
            return new StatementFigures(openingBalance + other.openingBalance, moneyIn + other.moneyIn, moneyOut + other.moneyOut,
                    closingBalance + other.closingBalance);
        }
    }

    /** One fund's figures, with the address of its own statement. */
    public record FundInStatement(String fundId, String fundName, StatementFigures figures, String statement) {
    }

    /**
     * The office's own funds ({@code organisationCode} null, {@code organisationName} the office's part) or one
     * organisation's.
     */
    public record OrganisationPart(String organisationCode, String organisationName, List<FundInStatement> funds, StatementFigures figures) {
    }
}
