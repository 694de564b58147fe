package vn.ansinh.console.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How figures and dates read on every page, whatever the language: money as {@code 1.500.000 ₫},
 * dates as {@code dd/MM/yyyy}, times in Vietnam's time zone. Used from the templates as
 * {@code @formats}.
 */
@Component("formats")
public class Formats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** What officers type: day/month/year, a real day (31/02 is refused, not moved to 03/03). */
    private static final DateTimeFormatter TYPED_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    public String money(Long amount) {
        return amount == null ? "–" : number(amount) + " ₫";
    }

    public String number(Number value) {
        if (value == null) {
            return "–";
        }
        DecimalFormatSymbols vietnamese = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
        vietnamese.setGroupingSeparator('.');
        vietnamese.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.###", vietnamese);
        return format.format(value instanceof BigDecimal decimal ? decimal : value);
    }

    /** A rate as reports print it, "8,11 %"; "–" when there is none. */
    public String percent(BigDecimal rate) {
        if (rate == null) {
            return "–";
        }
        DecimalFormatSymbols vietnamese = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
        vietnamese.setGroupingSeparator('.');
        vietnamese.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.00", vietnamese).format(rate) + " %";
    }

    /** A day typed as dd/MM/yyyy; null when nothing was typed. @throws java.time.format.DateTimeParseException if not a day */
    public static LocalDate parseDay(String typed) {
        return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.trim(), TYPED_DAY);
    }

    /** A day as officers type it. */
    public static String typedDay(LocalDate day) {
        return day == null ? "" : TYPED_DAY.format(day);
    }

    /** "1.500.000", "1500000" or "1 500 000 ₫" as whole đồng; null when it is not an amount. */
    public static Long parseMoney(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s.,₫đ]", "");
        return digits.matches("[0-9]{1,13}") ? Long.valueOf(digits) : null;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(VIETNAM));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(VIETNAM));
    }
}
