package org.imagingcatalog.submission.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** This service's copy of the published catalog: enough to pre-fill corrections and refuse unknown ids. */
@ApplicationScoped
public class PublishedCatalog {

    private final EntityManager entityManager;

    public PublishedCatalog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<PublishedEntry> find(String resourceId) {
        if (!Slugs.isValid(resourceId)) {
            // not an id any resource can have (and text such as NUL the database cannot even compare)
            return Optional.empty();
        }
        return Optional.ofNullable(PublishedEntry.findById(resourceId));
    }

    public Optional<Resource> resource(String resourceId) {
        return find(resourceId).map(entry -> read(entry.snapshotJson));
    }

    /** Every entry of the copy by name (then id), withdrawn ones too: what a relation of a proposal may point to. */
    public List<EntryName> names() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT resource_id, name, status FROM published_entry
                 ORDER BY lower(coalesce(name, resource_id)), resource_id
                """).getResultList();
        return rows.stream()
                .map(row -> new EntryName((String) row[0], row[1] == null ? (String) row[0] : (String) row[1],
                        ResourceStatus.WITHDRAWN.name().equals(row[2])))
                .toList();
    }

    /**
     * Keeps the newest version per resource: an older or equal version changes nothing, so replaying
     * the compacted topic from its start is harmless.
     *
     * @return whether the entry changed
     */
    @Transactional
    public boolean apply(EntryVersionPublished event) {
        Resource snapshot = event.snapshot();
        int updated = entityManager.createNativeQuery("""
                INSERT INTO published_entry (resource_id, version, status, name, snapshot_json, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (resource_id) DO UPDATE
                   SET version = EXCLUDED.version, status = EXCLUDED.status, name = EXCLUDED.name,
                       snapshot_json = EXCLUDED.snapshot_json, updated_at = EXCLUDED.updated_at
                 WHERE published_entry.version < EXCLUDED.version
                """)
                .setParameter(1, event.resourceId())
                .setParameter(2, event.version())
                .setParameter(3, event.status().name())
                .setParameter(4, snapshot == null ? null : snapshot.name())
                .setParameter(5, write(snapshot))
                .setParameter(6, Instant.now())
                .executeUpdate();
        return updated > 0;
    }

    private static Resource read(String json) {
        try {
            return EventJson.mapper().readValue(json, Resource.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored snapshot is not a resource", e);
        }
    }

    private static String write(Resource resource) {
        try {
            return EventJson.mapper().writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a resource as JSON", e);
        }
    }
}
