package vn.ansinh.donation.intake;

/** How cash arrived: at the office, by bank transfer, by QR payment. */
public enum Channel {
    CASH, BANK, QR
}
