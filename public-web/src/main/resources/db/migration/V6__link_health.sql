-- Issue 16: the latest check of each entry's landing page, as curation-service publishes it on the compacted
-- catalog.link-health.v1 (LinkChecked, keyed by resource id). One row per entry, replaced only by a check made later
-- (checked_at), so a replayed or late event changes nothing. No foreign key to entry: a check may arrive before the
-- entry it concerns, and joins it when it does. The offsets of the topic go to consumer_offset in the same
-- transaction, like those of catalog.entries.v1.
--
-- A rebuild of the entries (/admin/rebuild) keeps this table: each row is the topic's latest record for its key and
-- depends on no entry, so it is as right after a rebuild as before; a new, empty database reads the whole topic.

CREATE TABLE link_check (
    resource_id  text PRIMARY KEY,
    url          text NOT NULL,
    status       text NOT NULL,
    http_status  integer,
    checked_at   timestamptz NOT NULL,
    moved_to     text,
    detail       text
);
