package org.imagingcatalog.kit.tracing;

import org.imagingcatalog.model.events.CatalogEvent;

/**
 * Where a service finds the earlier trace an event answers, e.g. the trace of the submission a decision is about:
 * the span that writes the event into the outbox links to it, so one trace leads to the other. A bean of the service.
 */
public interface TraceLinks {

    /** The W3C {@code traceparent} of the span the event answers, or null when it answers none that is known. */
    String answeredTraceparent(CatalogEvent event);
}
