package org.imagingcatalog.kit.tracing;

import java.util.IdentityHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Starts the CONSUMER spans of a poll ({@link PollSpans}): each record's handling continues the trace its headers
 * carry, so the work an event causes in one service belongs to the trace of the request that caused the event in
 * another.
 */
@ApplicationScoped
public class RecordTracing {

    private final Tracer tracer;

    public RecordTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    public PollSpans start(ConsumerRecords<String, String> records, String groupId) {
        IdentityHashMap<ConsumerRecord<String, String>, Span> spans = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            SpanContext carried = W3cContext.carried(record.headers());
            if (!carried.isValid()) {
                continue;
            }
            spans.put(record, tracer.spanBuilder("process " + record.topic())
                    .setParent(Context.root().with(Span.wrap(carried)))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(SpanAttributes.MESSAGING_SYSTEM, "kafka")
                    .setAttribute(SpanAttributes.OPERATION, "process")
                    .setAttribute(SpanAttributes.DESTINATION, record.topic())
                    .setAttribute(SpanAttributes.CONSUMER_GROUP, groupId)
                    .setAttribute(SpanAttributes.PARTITION, Integer.toString(record.partition()))
                    .setAttribute(SpanAttributes.OFFSET, record.offset())
                    .setAttribute(SpanAttributes.MESSAGE_KEY, record.key())
                    .setAttribute(SpanAttributes.keyOf(record.topic()), record.key())
                    .startSpan());
        }
        return PollSpans.of(spans);
    }
}
