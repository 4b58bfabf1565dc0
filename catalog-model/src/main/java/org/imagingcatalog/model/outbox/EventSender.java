package org.imagingcatalog.model.outbox;

import java.util.List;

/** Sends events to the broker and returns only once the broker acknowledged them. */
@FunctionalInterface
public interface EventSender {

    void send(String topic, String key, String payload) throws Exception;

    /**
     * Sends the messages in order and reports how many of them, counted from the first, the broker
     * acknowledged. Senders that can keep several messages in flight override this; the default
     * sends one at a time.
     */
    default Acknowledged sendAll(List<OutgoingMessage> messages) {
        int count = 0;
        for (OutgoingMessage message : messages) {
            try {
                send(message.topic(), message.key(), message.payload());
                count++;
            } catch (Exception e) {
                return new Acknowledged(count, e);
            }
        }
        return new Acknowledged(count, null);
    }

    /** One outbox row on its way to the broker. */
    record OutgoingMessage(long id, String topic, String key, String payload) {
    }

    /** The first {@code count} messages were acknowledged; {@code failure} stopped the next one, if any. */
    record Acknowledged(int count, Exception failure) {
    }
}
