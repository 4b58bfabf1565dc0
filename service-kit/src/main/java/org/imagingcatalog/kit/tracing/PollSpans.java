package org.imagingcatalog.kit.tracing;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.outbox.TraceContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The CONSUMER spans of one poll: one per record whose headers carry a trace context, each a child of that context,
 * open from before the handler started until the poll's handling (and its transaction) ended. A record without a
 * trace context has none; its work runs as it would untraced.
 */
public final class PollSpans {

    /** The spans of an untraced poll: none. */
    public static final PollSpans NONE = new PollSpans(Map.of());

    private final Map<ConsumerRecord<String, String>, Span> spans;

    PollSpans(Map<ConsumerRecord<String, String>, Span> spans) {
        this.spans = spans;
    }

    static PollSpans of(IdentityHashMap<ConsumerRecord<String, String>, Span> spans) {
        return spans.isEmpty() ? NONE : new PollSpans(spans);
    }

    /** Runs the part of the handling that is this record's inside its span (its logs carry the trace id). */
    public void within(ConsumerRecord<String, String> record, Runnable work) {
        Span span = spans.get(record);
        if (span == null) {
            work.run();
            return;
        }
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        }
    }

    /** The record's span, to add what the handler learnt (an invalid span when the record has none). */
    public Span span(ConsumerRecord<String, String> record) {
        Span span = spans.get(record);
        return span == null ? Span.getInvalid() : span;
    }

    /** The W3C {@code traceparent} of the record's span, to store with what it led to; null when it has none. */
    public String traceparent(ConsumerRecord<String, String> record) {
        Span span = spans.get(record);
        TraceContext context = span == null ? null : W3cContext.of(Context.root().with(span));
        return context == null ? null : context.traceparent();
    }

    /** Ends every span of the poll; {@code failure} (the handler's, if it failed) marks each of them. */
    public void end(Throwable failure) {
        for (Span span : spans.values()) {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, "the poll is read again");
            }
            span.end();
        }
    }
}
