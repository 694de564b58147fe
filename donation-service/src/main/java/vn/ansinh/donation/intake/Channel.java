package vn.ansinh.donation.intake;

/** How cash arrived: at the office, by bank transfer, by QR payment. */
enum Channel {
    CASH, BANK, QR
}
