package org.imagingcatalog.model.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** What every event of the contract carries, and where it goes. */
public sealed interface CatalogEvent permits SubmissionReceived, SubmissionDecided, EntryVersionPublished, LinkChecked,
        ReleasePublished {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    String type();

    int schemaVersion();

    Instant occurredAt();

    /** The Kafka record key: the submission id or the resource id. */
    @JsonIgnore
    String key();

    @JsonIgnore
    String topic();
}
