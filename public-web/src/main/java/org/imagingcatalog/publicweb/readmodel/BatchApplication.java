package org.imagingcatalog.publicweb.readmodel;

import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.kit.events.UnstorableEvent;
import org.jboss.logging.Logger;

/**
 * How a read-model store applies one poll: all its records in one transaction, or, when the database cannot hold one
 * of their events, one by one, so that only that event is skipped (its offset stored, its content not) and the
 * others arrive.
 */
final class BatchApplication {

    /** One transaction over {@code records}: their offsets, and their events too when {@code withEvents}. */
    @FunctionalInterface
    interface Transaction {
        Optional<CatalogStamp> apply(List<ConsumerRecord<String, String>> records, boolean withEvents);
    }

    private static final Logger LOG = Logger.getLogger(BatchApplication.class);

    private BatchApplication() {
    }

    /** @param what names a record in the log, e.g. "entry event" */
    static Optional<CatalogStamp> apply(List<ConsumerRecord<String, String>> records, Transaction transaction,
            String what) {
        try {
            return transaction.apply(records, true);
        } catch (RuntimeException e) {
            if (!UnstorableEvent.isCause(e)) {
                throw e;
            }
            Optional<CatalogStamp> stamp = Optional.empty();
            for (ConsumerRecord<String, String> record : records) {
                Optional<CatalogStamp> applied = alone(record, transaction, what);
                stamp = applied.isPresent() ? applied : stamp;
            }
            return stamp;
        }
    }

    private static Optional<CatalogStamp> alone(ConsumerRecord<String, String> record, Transaction transaction,
            String what) {
        try {
            return transaction.apply(List.of(record), true);
        } catch (RuntimeException e) {
            if (!UnstorableEvent.isCause(e)) {
                throw e;
            }
            LOG.errorf("skipping %s at partition %d offset %d: the database cannot hold it (%s)", what,
                    record.partition(), record.offset(), e.getMessage());
            return transaction.apply(List.of(record), false);
        }
    }
}
