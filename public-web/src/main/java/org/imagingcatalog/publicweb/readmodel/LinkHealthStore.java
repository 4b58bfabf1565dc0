package org.imagingcatalog.publicweb.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.LinkChecked;
import org.imagingcatalog.publicweb.catalog.LinkHealth;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The latest link check of each entry: writes {@code LinkChecked} events into {@code link_check} and reads them back.
 * One batch of records is one transaction: the checks, the consumed offsets and the catalog's change counter commit
 * together (the counter moves only when a check changed what a page or the API shows, so cached answers and their
 * validators are renewed exactly then). A check replaces the stored one only when it was made later: replays and late
 * events change nothing. Only the consumer thread writes.
 */
@ApplicationScoped
public class LinkHealthStore {

    private static final Logger LOG = Logger.getLogger(LinkHealthStore.class);

    /** The latest check of the entry's link, {@link LinkHealth#UNKNOWN} when none is known. */
    public LinkHealth latest(String resourceId) {
        if (!Slugs.isValid(resourceId)) {
            return LinkHealth.UNKNOWN;
        }
        return LinkCheck.<LinkCheck> findByIdOptional(resourceId).map(LinkCheck::toHealth).orElse(LinkHealth.UNKNOWN);
    }

    /** The latest checks of these entries' links; an entry with none known is absent. */
    public Map<String, LinkHealth> latest(Collection<String> resourceIds) {
        if (resourceIds.isEmpty()) {
            return Map.of();
        }
        return LinkCheck.<LinkCheck> list("resourceId in ?1", resourceIds).stream()
                .collect(Collectors.toMap(c -> c.resourceId, LinkCheck::toHealth));
    }

    /** Applies a batch of one topic's records; answers the new stamp when a shown check changed, else empty. */
    public Optional<CatalogStamp> apply(String topic, List<ConsumerRecord<String, String>> records) {
        return BatchApplication.apply(records, (batch, withEvents) -> applyTogether(topic, batch, withEvents),
                "link check");
    }

    private static Optional<CatalogStamp> applyTogether(String topic, List<ConsumerRecord<String, String>> records,
            boolean withEvents) {
        Map<String, LinkChecked> latest = new LinkedHashMap<>();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
            if (withEvents) {
                readable(record).ifPresent(event -> latest.merge(event.resourceId(), event,
                        (a, b) -> b.checkedAt().isAfter(a.checkedAt()) ? b : a));
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean changed = upsert(latest.values());
            ConsumedOffset.store(topic, nextOffsets);
            return changed ? Optional.of(CatalogState.bump()) : Optional.<CatalogStamp> empty();
        });
    }

    private static boolean upsert(Collection<LinkChecked> events) {
        if (events.isEmpty()) {
            return false;
        }
        Map<String, LinkCheck> stored = LinkCheck.<LinkCheck> list("resourceId in ?1",
                events.stream().map(LinkChecked::resourceId).toList()).stream()
                .collect(Collectors.toMap(c -> c.resourceId, Function.identity()));
        boolean changed = false;
        for (LinkChecked event : events) {
            LinkCheck check = stored.get(event.resourceId());
            if (check == null) {
                LinkCheck.from(event).persist();
                changed = true;
            } else if (event.checkedAt().isAfter(check.checkedAt)) {
                check.copy(event);
                changed = true;
            }
        }
        return changed;
    }

    /** A check the read model can use; anything else is logged and skipped, so one bad record cannot stall the rest. */
    private static Optional<LinkChecked> readable(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            LinkChecked event = EventJson.read(record.value(), LinkChecked.class);
            if (!Slugs.isValid(event.resourceId()) || event.url() == null || event.status() == null
                    || event.checkedAt() == null) {
                throw new IllegalArgumentException("resourceId, url, status and checkedAt are required");
            }
            return Optional.of(event);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping unreadable link check at partition %d offset %d: %s", record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Every stored check, as stable text (for tests that compare the table before and after). */
    public List<String> dump() {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(LinkCheck.<LinkCheck> list("order by resourceId")
                .stream().map(c -> c.resourceId + "|" + c.url + "|" + c.status + "|" + c.httpStatus + "|" + c.checkedAt
                        + "|" + c.movedTo + "|" + c.detail).toList()));
    }
}
