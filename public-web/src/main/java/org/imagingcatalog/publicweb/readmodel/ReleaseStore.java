package org.imagingcatalog.publicweb.readmodel;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.ReleasePublished;
import org.imagingcatalog.model.events.ReleasedVersion;
import org.imagingcatalog.model.releases.ReleaseNames;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes the parts of named releases ({@code ReleasePublished}) into the tables of V7. One poll is one transaction:
 * the parts, the consumed offsets and, when a release became complete, the catalog's change counter commit together,
 * so a crash or a replay can neither lose nor double a part, and cached answers renew exactly when a release appears.
 * Each part is read, stored and let go before the next is read: memory holds one part, never a whole release. Only
 * the consumer thread writes.
 */
@ApplicationScoped
public class ReleaseStore {

    private static final Logger LOG = Logger.getLogger(ReleaseStore.class);

    /** Applies a batch of one topic's records; answers the new stamp when a release became complete, else empty. */
    public Optional<CatalogStamp> apply(String topic, List<ConsumerRecord<String, String>> records) {
        return BatchApplication.apply(records, (batch, withEvents) -> applyTogether(topic, batch, withEvents),
                "release part");
    }

    private static Optional<CatalogStamp> applyTogether(String topic, List<ConsumerRecord<String, String>> records,
            boolean withEvents) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Session session = Panache.getEntityManager().unwrap(Session.class);
            Map<Integer, Long> nextOffsets = new HashMap<>();
            Set<String> received = new LinkedHashSet<>();
            for (ConsumerRecord<String, String> record : records) {
                nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
                Optional<ReleasePublished> part = withEvents ? readable(record) : Optional.empty();
                if (part.isPresent() && session.doReturningWork(c -> ReleaseParts.store(c, part.get()))) {
                    received.add(part.get().release());
                }
            }
            boolean completed = false;
            for (String release : received) {
                completed |= session.doReturningWork(c -> ReleaseParts.completeIfAllReceived(c, release));
            }
            ConsumedOffset.store(topic, nextOffsets);
            return completed ? Optional.of(CatalogState.bump()) : Optional.<CatalogStamp> empty();
        });
    }

    /** A part the read model can use; anything else is logged and skipped, so one bad record cannot stall the rest. */
    private static Optional<ReleasePublished> readable(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            ReleasePublished part = EventJson.read(record.value(), ReleasePublished.class);
            if (!ReleaseNames.isValid(part.release()) || part.cutAt() == null || part.entryCount() < 0 || part.part() < 0
                    || (part.previous() != null && !ReleaseNames.isValid(part.previous()))) {
                throw new IllegalArgumentException("release, cutAt, entryCount and part are required, names valid");
            }
            for (ReleasedVersion version : part.entries()) {
                Resource entry = version == null ? null : version.snapshot();
                if (entry == null || !Slugs.isValid(entry.id()) || entry.version() == null || entry.version() < 1
                        || entry.status() == null || version.versionCreatedAt() == null) {
                    throw new IllegalArgumentException("every entry needs its id, version, status and publication time");
                }
            }
            return Optional.of(part);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping unreadable release part at partition %d offset %d: %s", record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
