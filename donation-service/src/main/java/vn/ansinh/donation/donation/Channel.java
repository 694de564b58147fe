package vn.ansinh.donation.donation;

/** How cash arrived: at the office, by bank transfer, by QR payment. */
public enum Channel {
    CASH, BANK, QR
}
