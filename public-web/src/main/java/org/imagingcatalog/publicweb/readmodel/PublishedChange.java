package org.imagingcatalog.publicweb.readmodel;

import java.time.Instant;
import java.util.List;

import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.publicweb.catalog.Change;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One version of an entry in its public change log; written once, never changed. */
@Entity
@Table(name = "entry_change")
@IdClass(ChangeKey.class)
public class PublishedChange extends PanacheEntityBase {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    @Id
    @Column(name = "resource_id")
    public String resourceId;
    @Id
    public int version;
    public String status;
    public String name;
    public String summary;
    @Column(name = "changed_fields")
    public String changedFields;
    public String reason;
    @Column(name = "published_at")
    public Instant publishedAt;

    static PublishedChange from(EntryVersionPublished event) {
        PublishedChange change = new PublishedChange();
        change.resourceId = event.resourceId();
        change.version = event.version();
        change.status = event.status().name();
        String name = event.snapshot().name();
        change.name = name == null ? event.resourceId() : name;
        change.summary = event.summary();
        change.changedFields = ReadModelJson.write(event.changedFields());
        change.reason = event.reason();
        change.publishedAt = ReadModelJson.publishedAt(event);
        return change;
    }

    ChangeKey key() {
        return new ChangeKey(resourceId, version);
    }

    public Change toChange() {
        return new Change(resourceId, version, status, name, summary, ReadModelJson.read(changedFields, STRINGS),
                reason, publishedAt);
    }
}
