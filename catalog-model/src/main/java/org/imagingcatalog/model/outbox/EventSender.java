package org.imagingcatalog.model.outbox;

/** Sends one event to the broker and returns only once the broker acknowledged it. */
@FunctionalInterface
public interface EventSender {

    void send(String topic, String key, String payload) throws Exception;
}
