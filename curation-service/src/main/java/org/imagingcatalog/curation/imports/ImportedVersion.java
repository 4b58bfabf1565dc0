package org.imagingcatalog.curation.imports;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A version an import made, the version it replaced (null: the import created the entry) and its revert's version. */
@Entity
@Table(name = "import_version")
@IdClass(ImportedVersion.Key.class)
public class ImportedVersion extends PanacheEntityBase {

    /** The primary key: one version per entry and import. */
    public static class Key implements Serializable {
        public UUID importId;
        public String resourceId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(importId, k.importId) && Objects.equals(resourceId, k.resourceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(importId, resourceId);
        }
    }

    @Id
    @Column(name = "import_id")
    public UUID importId;
    @Id
    @Column(name = "resource_id")
    public String resourceId;
    @Column(name = "row_number", nullable = false)
    public int rowNumber;
    @Column(nullable = false)
    public int version;
    @Column(name = "previous_version")
    public Integer previousVersion;
    @Column(name = "revert_version")
    public Integer revertVersion;

    public boolean created() {
        return previousVersion == null;
    }
}
