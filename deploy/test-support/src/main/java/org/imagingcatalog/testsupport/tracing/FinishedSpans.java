package org.imagingcatalog.testsupport.tracing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans a service under test finished, as its in-memory exporter holds them (each service's tests produce that
 * exporter as a bean; with it, Quarkus builds no OTLP exporter). A test finds its own spans by their ids.
 */
public final class FinishedSpans {

    private FinishedSpans() {
    }

    /** The first finished span that matches, waiting for the batch that exports it. */
    public static SpanData await(InMemorySpanExporter spans, String what, Predicate<SpanData> matching) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            for (SpanData span : spans.getFinishedSpanItems()) {
                if (matching.test(span)) {
                    return span;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no finished span is " + what);
    }
}
