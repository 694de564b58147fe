package vn.ansinh.platform.events;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * One trace from a request to everything its events cause, across services and Kafka. An event takes
 * the W3C trace context of the work that created it ({@link #currentTraceparent}), stored with it in the
 * outbox and sent as the CloudEvents {@code traceparent} extension ({@link CloudEventHeaders#TRACEPARENT});
 * a consumer handles it in a span that continues that trace ({@link #continued}). The relay sends
 * events later, from its own thread: without this the link would be lost at the outbox.
 */
public class EventTracing {

    /** No tracer: events carry no trace context and consumers start none. */
    public static final EventTracing NONE = new EventTracing(null);

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's context as a W3C {@code traceparent}, or null outside any trace. */
    public String currentTraceparent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /**
     * Runs the handling of an event in a consumer span that continues the event's trace (a new trace when
     * the event carries none, or one that cannot be read).
     */
    public <T> T continued(String traceparent, String name, Supplier<T> work) {
        if (tracer == null) {
            return work.get();
        }
        Span.Builder builder = tracer.spanBuilder().name(name).kind(Span.Kind.CONSUMER);
        var parts = traceparent == null ? null : TRACEPARENT.matcher(traceparent);
        if (parts != null && parts.matches()) {
            builder.setParent(tracer.traceContextBuilder().traceId(parts.group(1)).spanId(parts.group(2))
                    .sampled("01".equals(parts.group(3))).build());
        }
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException failed) {
            span.error(failed);
            throw failed;
        } finally {
            span.end();
        }
    }

    /** The {@code traceparent} an event was sent with (its CloudEvents extension header), or null. */
    public static String traceparentOf(java.util.function.Function<String, Object> headers) {
        Object value = headers.apply(CloudEventHeaders.TRACEPARENT);
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }

    public void continued(String traceparent, String name, Runnable work) {
        continued(traceparent, name, () -> {
            work.run();
            return null;
        });
    }
}
