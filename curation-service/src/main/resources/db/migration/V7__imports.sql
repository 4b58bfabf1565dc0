-- Issue 17: bulk import. One row per import: staged by the curator UI (its dry run, before anything happens),
-- applied (every valid row a new version, all or nothing) and perhaps reverted as one.
CREATE TABLE import_run (
    id            uuid PRIMARY KEY,
    curator       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    status        text        NOT NULL CHECK (status IN ('STAGED', 'APPLIED', 'REVERTED')),
    format        text        NOT NULL CHECK (format IN ('csv', 'json')),
    file_name     text,
    row_count     integer     NOT NULL CHECK (row_count >= 0),
    -- the file as received (UTF-8 text), so a staged import applies exactly what its dry run showed
    content       text        NOT NULL,
    -- the row table (outcome, changes, errors of each row) as last computed: the dry run, then the applied run
    report        jsonb       NOT NULL,
    reason        text,
    applied_at    timestamptz,
    applied_by    text,
    reverted_at   timestamptz,
    reverted_by   text,
    revert_reason text
);
CREATE INDEX import_run_recent ON import_run (created_at DESC);

-- Each version an import made, with the version it replaced (null: the import created the entry), and the
-- version its revert made.
CREATE TABLE import_version (
    import_id        uuid    NOT NULL REFERENCES import_run (id),
    resource_id      text    NOT NULL REFERENCES resource (id),
    row_number       integer NOT NULL,
    version          integer NOT NULL,
    previous_version integer,
    revert_version   integer,
    PRIMARY KEY (import_id, resource_id),
    FOREIGN KEY (resource_id, version) REFERENCES resource_version (resource_id, version)
);
CREATE INDEX import_version_resource ON import_version (resource_id);
