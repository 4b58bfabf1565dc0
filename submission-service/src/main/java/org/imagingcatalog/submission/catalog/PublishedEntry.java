package org.imagingcatalog.submission.catalog;

import java.time.Instant;

import org.imagingcatalog.model.ResourceStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest published version of one catalog entry, as seen on {@code catalog.entries.v1}. */
@Entity
@Table(name = "published_entry")
public class PublishedEntry extends PanacheEntityBase {

    @Id
    @Column(name = "resource_id")
    public String resourceId;

    public int version;

    @Enumerated(EnumType.STRING)
    public ResourceStatus status;

    public String name;

    @Column(name = "snapshot_json")
    public String snapshotJson;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
