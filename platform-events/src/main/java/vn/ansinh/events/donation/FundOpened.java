package vn.ansinh.events.donation;

/**
 * A named fund was opened by an office (e.g. "Quỹ Vì người nghèo").
 *
 * @param organisationCode the organisation of the office the fund belongs to (its Women's Union, say);
 *                         {@code null} for the office's own fund
 */
public record FundOpened(String fundId, String name, String officeUnitCode, String purpose, String organisationCode) {

    /** A fund of the office itself (events older than organisations). */
    public FundOpened(String fundId, String name, String officeUnitCode, String purpose) {
        this(fundId, name, officeUnitCode, purpose, null);
    }
}
