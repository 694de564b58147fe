package vn.ansinh.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads an event's time header. Every event carries one, and a rebuild reads hundreds of thousands a
 * second: {@link Instant#parse} (a general ISO formatter, a map per call) was a fifth of the time a
 * rebuild spent on an event. The form producers write — {@code 2026-12-01T04:28:47.697Z}, with 0 to 9
 * fraction digits, as {@link Instant#toString} writes it — is read directly; anything else goes to
 * {@link Instant#parse}, so what is accepted and refused does not change. Payloads' instants are
 * read the same way ({@link EventPayloadInstants}).
 */
final class EventTimes {

    private EventTimes() {
    }

    static Instant parse(String text) {
        Instant written = producerForm(text);
        return written != null ? written : Instant.parse(text);
    }

    /**
     * The instant, when {@code text} is a valid time in the form producers write; null for anything
     * else (another form, a leap second, 30 February), which the caller hands to a general parser.
     */
    static Instant producerForm(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int place = length - 1 - 20; place < 9; place++) {
                nanos *= 10;
            }
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
