package org.imagingcatalog.curation.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.events.EntryVersionPublished;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The versioned history of curated resources. Every change appends a version (never rewrites one), moves the
 * head, and publishes the new version through the outbox, all in the caller's transaction. Writers lock the
 * head row first, so two changes of one resource happen one after the other; the unique (resource_id, version)
 * constraint backs that up.
 */
@ApplicationScoped
public class ResourceHistory {

    private static final String STATUS_FIELD = "status";

    private final EntityManager em;
    private final Outbox outbox;

    public ResourceHistory(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** A version with its resource read back from the snapshot. */
    public record VersionView(ResourceVersion row, Resource snapshot) {
        public int version() {
            return row.version;
        }

        public List<String> changedFields() {
            return Arrays.asList(row.changedFields);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ResourceHead> lockHead(String resourceId) {
        if (!Slugs.isValid(resourceId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(ResourceHead.class, resourceId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Empty for text that cannot be a resource id (which spares the database text it cannot compare, e.g. NUL). */
    public Optional<ResourceHead> head(String resourceId) {
        if (!Slugs.isValid(resourceId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(ResourceHead.findById(resourceId));
    }

    public List<ResourceHead> heads() {
        return ResourceHead.listAll(Sort.ascending("name"));
    }

    /** The current version of every resource, active or withdrawn: the catalog as it stands. */
    public List<Resource> currentSnapshots() {
        return em.createQuery("SELECT v FROM ResourceVersion v, ResourceHead h "
                + "WHERE v.resourceId = h.id AND v.version = h.currentVersion ORDER BY h.id", ResourceVersion.class)
                .getResultStream().map(row -> ResourceJson.read(row.snapshot)).toList();
    }

    /** Whether a version of the resource was written with this reason. */
    public boolean hasVersionWithReason(String resourceId, String reason) {
        return ResourceVersion.count("resourceId = ?1 and reason = ?2", resourceId, reason) > 0;
    }

    public List<VersionView> versions(String resourceId) {
        List<ResourceVersion> rows = ResourceVersion.list("resourceId", Sort.ascending("version"), resourceId);
        return rows.stream().map(ResourceHistory::view).toList();
    }

    public Optional<VersionView> version(String resourceId, int version) {
        return ResourceVersion.<ResourceVersion>find("resourceId = ?1 and version = ?2", resourceId, version)
                .firstResultOptional().map(ResourceHistory::view);
    }

    public Optional<VersionView> current(String resourceId) {
        return head(resourceId).flatMap(h -> version(resourceId, h.currentVersion));
    }

    /** Version 1 of a new resource. A resource with this id must not exist yet (the caller checks). */
    @Transactional(Transactional.TxType.MANDATORY)
    public VersionView create(Resource content, String curator, String reason, UUID sourceSubmissionId) {
        ResourceHead head = new ResourceHead();
        head.id = content.id();
        Resource snapshot = content.withVersion(1, ResourceStatus.ACTIVE);
        moveHead(head, snapshot, Instant.now().truncatedTo(ChronoUnit.MICROS));
        head.persist();
        em.flush();
        List<FieldChange> changes = changes(null, snapshot);
        return write(snapshot, changes, ResourceDiff.summary(null, snapshot), curator, reason, sourceSubmissionId,
                head.updatedAt);
    }

    /**
     * The next version of a resource whose head the caller locked: {@code content} with {@code status}.
     * Empty if nothing would change (no empty versions).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<VersionView> append(ResourceHead lockedHead, Resource content, ResourceStatus status,
            String curator, String reason, UUID sourceSubmissionId) {
        VersionView current = version(lockedHead.id, lockedHead.currentVersion).orElseThrow(() -> new IllegalStateException(
                "the head of " + lockedHead.id + " names version " + lockedHead.currentVersion + ", which does not exist"));
        Resource snapshot = content.withId(lockedHead.id).withVersion(lockedHead.currentVersion + 1, status);
        List<FieldChange> changes = changes(current.snapshot(), snapshot);
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        moveHead(lockedHead, snapshot, now);
        return Optional.of(write(snapshot, changes, ChangeSummary.of(changes), curator, reason, sourceSubmissionId, now));
    }

    /** Changes between two snapshots: the content fields (catalog-model's diff) and the status. */
    public static List<FieldChange> changes(Resource before, Resource after) {
        List<FieldChange> changes = new ArrayList<>();
        for (FieldChange change : ResourceDiff.between(before == null ? null : before.content(), after.content())) {
            if (!STATUS_FIELD.equals(change.field()) && !"version".equals(change.field())) {
                changes.add(change);
            }
        }
        ResourceStatus was = before == null ? null : before.status();
        if (before != null && !Objects.equals(was, after.status())) {
            changes.add(new FieldChange(STATUS_FIELD, was == null ? null : was.name(), after.status().name()));
        }
        return changes;
    }

    private VersionView write(Resource snapshot, List<FieldChange> changes, String summary, String curator,
            String reason, UUID sourceSubmissionId, Instant at) {
        ResourceVersion row = new ResourceVersion();
        row.resourceId = snapshot.id();
        row.version = snapshot.version();
        row.snapshot = ResourceJson.write(snapshot);
        row.changedFields = changes.stream().map(FieldChange::field).toArray(String[]::new);
        row.summary = summary;
        row.curator = curator;
        row.createdAt = at;
        row.reason = reason;
        row.sourceSubmissionId = sourceSubmissionId;
        row.status = snapshot.status().name();
        row.persist();
        em.flush();
        outbox.append(EntryVersionPublished.of(snapshot.id(), snapshot.version(), snapshot.status(), snapshot,
                List.of(row.changedFields), row.summary, reason, sourceSubmissionId, at));
        return new VersionView(row, snapshot);
    }

    private static void moveHead(ResourceHead head, Resource snapshot, Instant at) {
        head.currentVersion = snapshot.version();
        head.status = snapshot.status().name();
        head.name = snapshot.name();
        head.url = snapshot.url();
        head.updatedAt = at;
    }

    private static VersionView view(ResourceVersion row) {
        return new VersionView(row, ResourceJson.read(row.snapshot));
    }
}
