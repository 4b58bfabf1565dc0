package org.imagingcatalog.curation.imports;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One import: staged (its dry run shown, nothing changed yet), applied, or reverted. */
@Entity
@Table(name = "import_run")
public class ImportRun extends PanacheEntityBase {

    public enum Status {
        STAGED, APPLIED, REVERTED
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public String curator;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public String status;
    /** {@code csv} or {@code json}. */
    @Column(nullable = false)
    public String format;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "row_count", nullable = false)
    public int rowCount;
    @Column(nullable = false)
    public String content;
    /** The row table as JSON ({@link ImportReport}). */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String report;
    public String reason;
    @Column(name = "applied_at")
    public Instant appliedAt;
    @Column(name = "applied_by")
    public String appliedBy;
    @Column(name = "reverted_at")
    public Instant revertedAt;
    @Column(name = "reverted_by")
    public String revertedBy;
    @Column(name = "revert_reason")
    public String revertReason;

    public boolean is(Status wanted) {
        return wanted.name().equals(status);
    }
}
