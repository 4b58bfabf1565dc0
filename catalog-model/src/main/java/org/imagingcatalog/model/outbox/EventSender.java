package org.imagingcatalog.model.outbox;

import java.util.BitSet;
import java.util.List;

/** Sends events to the broker and returns only once the broker acknowledged them. */
@FunctionalInterface
public interface EventSender {

    void send(String topic, String key, String payload) throws Exception;

    /**
     * Sends the messages in order and reports which of them the broker acknowledged. Senders that can
     * keep several messages in flight override this (then a failure in one partition need not stop the
     * others); the default sends one at a time and stops at the first failure.
     */
    default Acknowledged sendAll(List<OutgoingMessage> messages) {
        BitSet acknowledged = new BitSet(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            OutgoingMessage message = messages.get(i);
            try {
                send(message.topic(), message.key(), message.payload());
                acknowledged.set(i);
            } catch (Exception e) {
                return new Acknowledged(acknowledged, e);
            }
        }
        return new Acknowledged(acknowledged, null);
    }

    /** One outbox row on its way to the broker, with the trace context stored with it (null if none). */
    record OutgoingMessage(long id, String topic, String key, String payload, TraceContext trace) {

        public OutgoingMessage(long id, String topic, String key, String payload) {
            this(id, topic, key, payload, null);
        }
    }

    /** The positions of the acknowledged messages; {@code failure} is the first error, if any message failed. */
    record Acknowledged(BitSet positions, Exception failure) {

        public boolean has(int position) {
            return positions.get(position);
        }

        public int count() {
            return positions.cardinality();
        }
    }
}
