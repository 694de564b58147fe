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
