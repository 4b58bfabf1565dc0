package org.imagingcatalog.model.outbox;

/**
 * The W3C trace context of the work that wrote an outbox row, in its two wire forms: {@code traceparent} (version,
 * trace id, parent span id, flags) and the optional vendor {@code tracestate}. The row keeps it, and its Kafka record
 * carries the relay's continuation of it in headers of the same names.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
}
