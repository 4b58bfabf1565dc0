-- Issue 16: link health. Every address the catalog points to (an entry's url, its identifiers' landing pages) is
-- checked on a schedule: link_state holds the latest state of each, link_check every check ever made (append-only).

CREATE TABLE link_state (
    resource_id          text        NOT NULL REFERENCES resource (id),
    url                  text        NOT NULL,
    -- 'url' for the entry's own address, else the identifier whose landing page it is ('doi 10.x/y')
    kind                 text        NOT NULL,
    status               text        NOT NULL CHECK (status IN ('OK', 'REDIRECTED', 'BROKEN', 'CHANGED', 'UNCHECKED')),
    http_status          integer,
    moved_to             text,
    detail               text,
    checked_at           timestamptz,
    -- when the status became what it is now
    since                timestamptz NOT NULL,
    -- what a conditional request sends next time, and the address (after temporary redirects) it belongs to
    etag                 text,
    last_modified        text,
    final_url            text,
    -- the meaningful text of the page now, and as it was at the entry's last curated version (the baseline)
    fingerprint          text,
    page_text            text,
    baseline_fingerprint text,
    baseline_text        text,
    baseline_version     integer,
    baseline_at          timestamptz,
    PRIMARY KEY (resource_id, url)
);

CREATE INDEX link_state_attention ON link_state (status, checked_at);

CREATE TABLE link_check (
    id             bigserial   PRIMARY KEY,
    resource_id    text        NOT NULL,
    url            text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('OK', 'REDIRECTED', 'BROKEN', 'CHANGED', 'UNCHECKED')),
    http_status    integer,
    -- every request made, in order: [{"status": 301, "url": "http://..."}, ...] (status null: no answer)
    redirect_chain jsonb       NOT NULL,
    moved_to       text,
    detail         text,
    checked_at     timestamptz NOT NULL,
    duration_ms    integer     NOT NULL,
    etag           text,
    last_modified  text,
    fingerprint    text
);

CREATE INDEX link_check_by_link ON link_check (resource_id, url, checked_at DESC);

CREATE FUNCTION refuse_link_check_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'link_check rows are append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER link_check_append_only
    BEFORE UPDATE OR DELETE ON link_check
    FOR EACH ROW EXECUTE FUNCTION refuse_link_check_change();

-- The address of each new proposal (and of each correction that changes it), checked once after it was stored.
CREATE TABLE proposal_link_check (
    submission_id uuid        NOT NULL REFERENCES review_item (submission_id),
    revision      integer     NOT NULL,
    url           text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('OK', 'REDIRECTED', 'BROKEN', 'CHANGED', 'UNCHECKED')),
    http_status   integer,
    detail        text,
    checked_at    timestamptz NOT NULL,
    PRIMARY KEY (submission_id, revision)
);
