-- The published catalog as public-web reads it: one row per entry (its newest version), the public
-- change log, and how far the topic has been read. Everything here can be rebuilt from catalog.entries.v1.

CREATE TABLE entry (
    id           text PRIMARY KEY,
    version      integer     NOT NULL,
    status       text        NOT NULL,
    name         text        NOT NULL,
    provider     text,
    description  text,
    tags         text        NOT NULL DEFAULT '',
    license      text,
    access       text        NOT NULL,
    ct           char(1)     NOT NULL,
    xray         char(1)     NOT NULL,
    mri          char(1)     NOT NULL,
    ultrasound   char(1)     NOT NULL,
    metadata     char(1)     NOT NULL,
    case_review  char(1)     NOT NULL,
    reason       text,
    updated_at   timestamptz NOT NULL,
    -- the resource JSON of the contract (with version and status), written once at ingest
    resource_json text       NOT NULL,
    name_key     text GENERATED ALWAYS AS (lower(name)) STORED,
    provider_key text GENERATED ALWAYS AS (lower(coalesce(provider, ''))) STORED,
    search       tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
                     setweight(to_tsvector('simple', coalesce(provider, '')), 'B') ||
                     setweight(to_tsvector('simple', tags), 'B') ||
                     setweight(to_tsvector('simple', coalesce(description, '')), 'C')) STORED
);

CREATE INDEX entry_search_idx ON entry USING gin (search);
-- the sort orders of the list, so a common search word can be answered by walking an index with LIMIT
CREATE INDEX entry_active_name_idx ON entry (name_key, id) WHERE status = 'ACTIVE';
CREATE INDEX entry_active_provider_idx ON entry (provider_key, name_key, id) WHERE status = 'ACTIVE';
CREATE INDEX entry_active_updated_idx ON entry (updated_at DESC, id) WHERE status = 'ACTIVE';

CREATE TABLE entry_change (
    resource_id    text        NOT NULL,
    version        integer     NOT NULL,
    status         text        NOT NULL,
    name           text        NOT NULL,
    summary        text,
    changed_fields text        NOT NULL DEFAULT '[]',
    reason         text,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (resource_id, version)
);

CREATE INDEX entry_change_published_idx ON entry_change (published_at DESC, resource_id, version);

-- the next offset to read per partition, written in the same transaction as the change it led to
CREATE TABLE consumer_offset (
    topic       text    NOT NULL,
    partition   integer NOT NULL,
    next_offset bigint  NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- one row: how often the catalog changed (for ETags) and when
CREATE TABLE catalog_state (
    id             integer PRIMARY KEY CHECK (id = 1),
    change_counter bigint      NOT NULL,
    last_modified  timestamptz NOT NULL
);
INSERT INTO catalog_state (id, change_counter, last_modified) VALUES (1, 0, now());
