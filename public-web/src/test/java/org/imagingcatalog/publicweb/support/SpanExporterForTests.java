package org.imagingcatalog.publicweb.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The tests' span exporter: every test of the module is traced into memory (with it, Quarkus builds no OTLP
 * exporter); test-support's {@code FinishedSpans} finds a test's own spans there.
 */
@ApplicationScoped
public class SpanExporterForTests {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
