-- A contributor's proposal: a new resource, a correction or a withdrawal, and where curation stands.
CREATE TABLE submission (
    id                  uuid          PRIMARY KEY,
    -- SHA-256 (hex) of the private tracking token; the token itself is never stored.
    tracking_token_hash char(64)      NOT NULL UNIQUE,
    kind                varchar(16)   NOT NULL CHECK (kind IN ('NEW', 'CORRECTION', 'WITHDRAWAL')),
    resource_id         varchar(80),
    proposed_json       text,
    comment             text,
    submitter_name      varchar(200),
    -- Stays in this database: never in an event, a page other than the contributor's confirmation, or a log.
    submitter_email     varchar(320),
    submitter_subject   varchar(255),
    status              varchar(32)   NOT NULL,
    curator_message     text,
    submitted_at        timestamptz   NOT NULL,
    decided_at          timestamptz
);
CREATE INDEX submission_subject_idx ON submission (submitter_subject, submitted_at DESC);

-- Decision events already applied, so a replayed or duplicated one changes nothing.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- This service's copy of the published catalog (latest version per resource, from catalog.entries.v1).
CREATE TABLE published_entry (
    resource_id   varchar(80)  PRIMARY KEY,
    version       integer      NOT NULL,
    status        varchar(16)  NOT NULL,
    name          varchar(200),
    snapshot_json text         NOT NULL,
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
