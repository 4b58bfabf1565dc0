package org.imagingcatalog.kit.events;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.events.EventJson;
import org.jboss.logging.Logger;

/** An event read from its record, or nothing for a tombstone or a record no retry could make readable. */
public final class EventRecords {

    private static final Logger LOG = Logger.getLogger(EventRecords.class);

    private EventRecords() {
    }

    public static <T extends CatalogEvent> Optional<T> read(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null) {
            return Optional.empty(); // a tombstone: the contract never removes what an event said
        }
        try {
            return Optional.of(EventJson.read(record.value(), type));
        } catch (RuntimeException e) {
            // retrying cannot make an unreadable event readable: skip it, loudly
            LOG.errorf("skipping unreadable %s at %s-%d@%d: %s", type.getSimpleName(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
