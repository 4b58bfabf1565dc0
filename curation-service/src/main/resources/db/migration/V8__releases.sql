-- Issue 17: named releases. A release freezes which version of every entry it holds: a list of version references,
-- not a copy of any entry. Like the versions themselves, a release and its references are never updated or deleted.
CREATE TABLE catalog_release (
    name         text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    notes        text,
    cut_at       timestamptz NOT NULL,
    cut_by       text        NOT NULL,
    -- the release cut just before this one (null for the first): what its page compares with
    previous     text REFERENCES catalog_release (name),
    entry_count  integer     NOT NULL CHECK (entry_count >= 0),
    listed_count integer     NOT NULL CHECK (listed_count >= 0)
);
CREATE INDEX catalog_release_order ON catalog_release (cut_at);

-- No foreign keys: the cut writes these rows from catalog_release's own name and from the heads of the resources,
-- which point at versions that can never be deleted (V2); checking 100,000 references one by one would only make the
-- cut of a large catalog several seconds slower.
CREATE TABLE release_entry (
    release_name text    NOT NULL,
    resource_id  text    NOT NULL,
    version      integer NOT NULL,
    PRIMARY KEY (release_name, resource_id)
);

CREATE FUNCTION refuse_release_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'releases are immutable: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER catalog_release_immutable BEFORE UPDATE OR DELETE ON catalog_release
    FOR EACH ROW EXECUTE FUNCTION refuse_release_change();
CREATE TRIGGER release_entry_immutable BEFORE UPDATE OR DELETE ON release_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_release_change();
CREATE TRIGGER catalog_release_no_truncate BEFORE TRUNCATE ON catalog_release
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_release_change();
CREATE TRIGGER release_entry_no_truncate BEFORE TRUNCATE ON release_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_release_change();
