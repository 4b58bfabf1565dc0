package org.imagingcatalog.curation.history;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One immutable version of a resource; the database refuses UPDATE and DELETE on these rows. */
@Entity
@Immutable
@Table(name = "resource_version")
public class ResourceVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "resource_id", nullable = false)
    public String resourceId;
    @Column(nullable = false)
    public int version;
    /** The full resource (catalog-model JSON, with version and status). */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String snapshot;
    @Column(name = "changed_fields", nullable = false, columnDefinition = "text[]")
    public String[] changedFields;
    @Column(nullable = false)
    public String summary;
    @Column(nullable = false)
    public String curator;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public String reason;
    @Column(name = "source_submission_id")
    public UUID sourceSubmissionId;
    @Column(nullable = false)
    public String status;
}
