-- The review queue: one row per submission, whatever how often its event arrives.
CREATE TABLE review_item (
    submission_id    uuid PRIMARY KEY,
    event_id         uuid        NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('NEW', 'CORRECTION', 'WITHDRAWAL')),
    resource_id      text,
    proposed         jsonb,
    comment          text,
    submitter_name   text,
    submitted_at     timestamptz NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'IN_REVIEW', 'ACCEPTED', 'REJECTED', 'CHANGES_REQUESTED')),
    decided_at       timestamptz,
    decided_by       text,
    decision_message text,
    resulting_version integer
);
CREATE INDEX review_item_queue ON review_item (status, submitted_at DESC);

-- The head of every curated resource: which version is current.
CREATE TABLE resource (
    id              text PRIMARY KEY,
    current_version integer     NOT NULL CHECK (current_version >= 1),
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    name            text        NOT NULL,
    url             text        NOT NULL,
    updated_at      timestamptz NOT NULL
);

-- One immutable row per version of a resource.
CREATE TABLE resource_version (
    id                   bigserial PRIMARY KEY,
    resource_id          text        NOT NULL REFERENCES resource (id),
    version              integer     NOT NULL CHECK (version >= 1),
    snapshot             jsonb       NOT NULL,
    changed_fields       text[]      NOT NULL,
    summary              text        NOT NULL,
    curator              text        NOT NULL,
    created_at           timestamptz NOT NULL,
    reason               text        NOT NULL,
    source_submission_id uuid,
    status               text        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    CONSTRAINT resource_version_unique UNIQUE (resource_id, version)
);

CREATE FUNCTION refuse_resource_version_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'resource_version rows are immutable: % refused on version % of %',
        TG_OP, OLD.version, OLD.resource_id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER resource_version_immutable
    BEFORE UPDATE OR DELETE ON resource_version
    FOR EACH ROW EXECUTE FUNCTION refuse_resource_version_change();

-- TRUNCATE bypasses row triggers; refuse it too.
CREATE FUNCTION refuse_resource_version_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'resource_version rows are immutable: TRUNCATE refused'
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER resource_version_no_truncate
    BEFORE TRUNCATE ON resource_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_resource_version_truncate();

-- Every curator action, with who and when.
CREATE TABLE audit_entry (
    id          bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text,
    detail      text
);
CREATE INDEX audit_entry_recent ON audit_entry (occurred_at DESC);

-- Marks the one-time import of the seed list; its primary key makes a second import impossible.
CREATE TABLE seed_import (
    id          integer PRIMARY KEY CHECK (id = 1),
    imported_at timestamptz NOT NULL DEFAULT now(),
    entries     integer     NOT NULL
);
