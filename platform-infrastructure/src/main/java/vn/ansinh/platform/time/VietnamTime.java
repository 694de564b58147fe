package vn.ansinh.platform.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Offices work on Việt Nam's calendar: a payment made at 06:30 on the 1st belongs to the 1st, which UTC
 * still calls the 31st, and "this year" turns at midnight in Hà Nội.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }

    /** Today in Việt Nam by the given clock (a test's fixed clock, or the system's). */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
