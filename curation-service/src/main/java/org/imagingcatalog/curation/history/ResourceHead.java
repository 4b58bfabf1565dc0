package org.imagingcatalog.curation.history;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The head row of a curated resource: its current version. Locked while a new version is written. */
@Entity
@Table(name = "resource")
public class ResourceHead extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "current_version", nullable = false)
    public int currentVersion;
    @Column(nullable = false)
    public String status;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public String url;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
