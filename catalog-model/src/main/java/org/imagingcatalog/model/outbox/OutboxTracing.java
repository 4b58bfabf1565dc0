package org.imagingcatalog.model.outbox;

import java.util.Map;

import org.imagingcatalog.model.outbox.EventSender.OutgoingMessage;

/**
 * What the outbox needs from a tracer, so that this module needs none: the trace context of the work that writes a
 * row, and, for each row the relay sends, a span that continues the context stored with it and the record headers
 * that carry that span on. The service kit implements it with OpenTelemetry; {@link #NONE} traces nothing.
 */
public interface OutboxTracing {

    OutboxTracing NONE = new OutboxTracing() {
        @Override
        public TraceContext current() {
            return null;
        }

        @Override
        public Send sending(OutgoingMessage message) {
            return Send.UNTRACED;
        }
    };

    /** The context of the work running now, to be stored with the row it writes; null outside any trace. */
    TraceContext current();

    /** Starts the send of one row: a span continuing the row's stored context, ended by {@link Send#end}. */
    Send sending(OutgoingMessage message);

    /** One row on its way: the headers its record carries, and the end of its span once the broker answered. */
    interface Send {

        Send UNTRACED = new Send() {
            @Override
            public Map<String, String> headers() {
                return Map.of();
            }

            @Override
            public void end(Exception failure) {
            }
        };

        Map<String, String> headers();

        /** @param failure why the broker did not acknowledge the record; null once it did */
        void end(Exception failure);
    }
}
