package org.imagingcatalog.curation.releases;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named release as cut: written once (V8 refuses any update or delete), its version references in release_entry. */
@Entity
@Table(name = "catalog_release")
public class CatalogRelease extends PanacheEntityBase {

    @Id
    public String name;
    public String notes;
    @Column(name = "cut_at")
    public Instant cutAt;
    @Column(name = "cut_by")
    public String cutBy;
    public String previous;
    @Column(name = "entry_count")
    public int entryCount;
    @Column(name = "listed_count")
    public int listedCount;

    public int withdrawnCount() {
        return entryCount - listedCount;
    }
}
