package org.imagingcatalog.kit.tracing;

import java.util.Map;

import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.outbox.EventSender.OutgoingMessage;
import org.imagingcatalog.model.outbox.OutboxTracing;
import org.imagingcatalog.model.outbox.TraceContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The outbox's traces: a row keeps the context of the work that wrote it, and the relay sends it in a PRODUCER span,
 * a child of that context however much later it runs, whose context travels on in the record's headers. A row
 * written outside any trace is sent without a span and without headers.
 */
@ApplicationScoped
public class OutboxTraces implements OutboxTracing {

    private final Tracer tracer;
    private final Instance<TraceLinks> links;

    public OutboxTraces(Tracer tracer, Instance<TraceLinks> links) {
        this.tracer = tracer;
        this.links = links;
    }

    @Override
    public TraceContext current() {
        return W3cContext.of(Context.current());
    }

    /**
     * Marks the span writing {@code event} with the id the event is about and links it to the trace the event
     * answers. Only a sampled span is marked: nothing is looked up for a span that is never exported.
     */
    public void writing(CatalogEvent event) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute(SpanAttributes.keyOf(event.topic()), event.key());
        for (TraceLinks link : links) {
            SpanContext answered = W3cContext.stored(new TraceContext(link.answeredTraceparent(event), null));
            if (answered.isValid()) {
                span.addLink(answered);
            }
        }
    }

    @Override
    public Send sending(OutgoingMessage message) {
        SpanContext stored = W3cContext.stored(message.trace());
        if (!stored.isValid()) {
            return Send.UNTRACED;
        }
        Span span = tracer.spanBuilder("send " + message.topic())
                .setParent(Context.root().with(Span.wrap(stored)))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SpanAttributes.MESSAGING_SYSTEM, "kafka")
                .setAttribute(SpanAttributes.OPERATION, "send")
                .setAttribute(SpanAttributes.DESTINATION, message.topic())
                .setAttribute(SpanAttributes.MESSAGE_KEY, message.key())
                .setAttribute(SpanAttributes.keyOf(message.topic()), message.key())
                .setAttribute(SpanAttributes.OUTBOX_ROW, message.id())
                .startSpan();
        Map<String, String> headers = W3cContext.headers(Context.root().with(span));
        return new Send() {
            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public void end(Exception failure) {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, "not acknowledged by the broker");
                }
                span.end();
            }
        };
    }
}
