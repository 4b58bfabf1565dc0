package org.imagingcatalog.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.imagingcatalog.model.outbox.TraceContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context in the two places the catalog keeps it beside HTTP: an outbox row's columns and a Kafka
 * record's headers. Always W3C, whatever propagators HTTP is configured with: the columns and headers are named so.
 */
final class W3cContext {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private W3cContext() {
    }

    /** The context's span as stored with an outbox row; null when no valid span is in it. */
    static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> fields = headers(context);
        return new TraceContext(fields.get(TraceContext.TRACEPARENT), fields.get(TraceContext.TRACESTATE));
    }

    /** The header fields that carry the context's span on. */
    static Map<String, String> headers(Context context) {
        Map<String, String> fields = new HashMap<>(2);
        W3C.inject(context, fields, Map::put);
        return fields;
    }

    /** The span context stored with a row, or an invalid one when none (or a malformed one) was stored. */
    static SpanContext stored(TraceContext stored) {
        if (stored == null || stored.traceparent() == null) {
            return SpanContext.getInvalid();
        }
        Map<String, String> fields = new HashMap<>(2);
        fields.put(TraceContext.TRACEPARENT, stored.traceparent());
        if (stored.tracestate() != null) {
            fields.put(TraceContext.TRACESTATE, stored.tracestate());
        }
        return Span.fromContext(W3C.extract(Context.root(), fields, MapGetter.INSTANCE)).getSpanContext();
    }

    /** The span context a record's headers carry, or an invalid one when they carry none. */
    static SpanContext carried(Headers headers) {
        return Span.fromContext(W3C.extract(Context.root(), headers, HeadersGetter.INSTANCE)).getSpanContext();
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    private enum HeadersGetter implements TextMapGetter<Headers> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header last = carrier == null ? null : carrier.lastHeader(key);
            return last == null || last.value() == null ? null : new String(last.value(), StandardCharsets.UTF_8);
        }
    }
}
