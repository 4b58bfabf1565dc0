-- Issue 17: named, immutable releases of the catalog, as curation-service publishes them on the compacted
-- catalog.releases.v1 (ReleasePublished, keyed name/part). Every part repeats the release's header; a release is shown
-- once the parts received hold entry_count entries (complete). Parts arrive in any order (they are spread over the
-- topic's partitions), and a replayed or duplicated part changes nothing: the header and each part are stored once
-- (ON CONFLICT DO NOTHING), and a part already stored is skipped whole.
--
-- A release holds references to versions, not copies of entries: entry_version keeps each version's snapshot once,
-- however many releases froze it, with its publication time and reason as the part carries them. Written once and
-- never changed, like every row here, so a release's exports stay byte-identical whatever happens to the catalog later.
--
-- A rebuild of the entries (/admin/rebuild) keeps these tables and their offsets: a release depends on no entry row
-- (the parts carry the snapshots, since the compacted entries topic may long have lost the versions a release froze);
-- a new, empty database reads the whole releases topic.

CREATE TABLE catalog_release (
    name         text PRIMARY KEY,
    notes        text,
    cut_at       timestamptz NOT NULL,
    previous     text,
    entry_count  integer     NOT NULL,
    complete     boolean     NOT NULL DEFAULT false,
    -- the listed (ACTIVE) entries, counted once when the release became complete
    listed_count integer
);
CREATE INDEX catalog_release_complete_idx ON catalog_release (cut_at DESC, name) WHERE complete;

CREATE TABLE release_part (
    release_name text    NOT NULL REFERENCES catalog_release (name),
    part         integer NOT NULL,
    entry_count  integer NOT NULL,
    PRIMARY KEY (release_name, part)
);

CREATE TABLE entry_version (
    resource_id   text        NOT NULL,
    version       integer     NOT NULL,
    status        text        NOT NULL,
    name          text        NOT NULL,
    provider      text,
    updated_at    timestamptz NOT NULL,
    reason        text,
    -- the resource JSON of the contract (with version and status), as the entry table holds it
    resource_json text        NOT NULL,
    PRIMARY KEY (resource_id, version)
);

CREATE TABLE release_entry (
    release_name text    NOT NULL REFERENCES catalog_release (name),
    resource_id  text    NOT NULL,
    version      integer NOT NULL,
    PRIMARY KEY (release_name, resource_id),
    FOREIGN KEY (resource_id, version) REFERENCES entry_version (resource_id, version)
);
