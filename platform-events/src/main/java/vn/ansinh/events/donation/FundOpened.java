package vn.ansinh.events.donation;

/** A named fund was opened by an office (e.g. "Quỹ Vì người nghèo"). */
public record FundOpened(String fundId, String name, String officeUnitCode, String purpose) {
}
