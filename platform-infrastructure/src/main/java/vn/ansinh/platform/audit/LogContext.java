package vn.ansinh.platform.audit;

import org.slf4j.MDC;

/**
 * Who the work is for, in every log line written while it runs: the office ({@code office}), the
 * person's or machine client's account ({@code person}) and the client or job it came through
 * ({@code client}). An operator follows one office's trouble across services by these fields in the
 * JSON logs. Never a name: logs carry no personal data.
 */
public final class LogContext implements AutoCloseable {

    public static final String OFFICE = "office";
    public static final String PERSON = "person";
    public static final String CLIENT = "client";

    private LogContext() {
    }

    /** Sets the fields (those not null) until {@link #close}. */
    public static LogContext of(String office, String person, String client) {
        put(OFFICE, office);
        put(PERSON, person);
        put(CLIENT, client);
        return new LogContext();
    }

    @Override
    public void close() {
        MDC.remove(OFFICE);
        MDC.remove(PERSON);
        MDC.remove(CLIENT);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
