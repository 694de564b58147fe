package vn.ansinh.platform.events;

/** CloudEvents 1.0 attributes in Kafka binary mode, plus the aggregate version as {@code ce_sequence}. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    /** CloudEvents "sequence" extension: the aggregate's version, so consumers can drop stale events. */
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";
    /** The CloudEvents distributed-tracing extension: the W3C trace context of the change that caused the event. */
    public static final String TRACEPARENT = "ce_traceparent";

    private CloudEventHeaders() {
    }
}
